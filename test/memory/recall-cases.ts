/**
 * Held-out recall cases, written before the recall code: each is a fact a user asked to remember
 * and a later question that should bring it back, in other words than the fact's own. The
 * distractors are 200 facts about other things, built from plain lists. Recall must rank each
 * case's memory first among all of them (test/memory/recall-ranking.test.ts).
 */
export interface RecallCase {
  readonly memory: string;
  readonly query: string;
}

export const recallCases: readonly RecallCase[] = [
  { memory: 'My manager is Dana Whitfield', query: 'who is my manager?' },
  { memory: 'I am allergic to peanuts', query: 'can I eat peanut butter cookies?' },
  { memory: 'My daughter Mia plays the violin on Tuesdays', query: "when is Mia's violin lesson?" },
  { memory: 'Our team standup is at 9:30 every weekday', query: 'what time is the standup meeting?' },
  {
    memory: 'I prefer replies in British English spelling',
    query: 'which spelling should you use in replies?',
  },
  {
    memory: 'The staging server is staging.acme.internal on port 8443',
    query: "what's the address of the staging server?",
  },
  { memory: "My wife's birthday is on 14 March", query: "when is my wife's birthday" },
  { memory: 'I drive a blue 2019 Toyota Corolla', query: 'what car do I drive?' },
  {
    memory: "Project Falcon's deadline moved to the end of January",
    query: 'when is the Falcon deadline now?',
  },
  { memory: "I'm vegetarian and don't eat fish", query: 'book a restaurant that suits a vegetarian' },
  { memory: 'My dentist is Dr. Okafor at Riverside Dental', query: "remind me of my dentist's name" },
  { memory: 'I work remotely from Lisbon, Portugal', query: 'which city am I based in, Lisbon or Porto?' },
  { memory: 'The wifi password at the cabin is pinecone42', query: 'wifi pasword for the cabin' },
];

const people = ['Alex', 'Sam', 'Jordan', 'Priya', 'Chen', 'Fatima', 'Lukas', 'Aiko', 'Omar', 'Elena'];
const hobbies = [
  'chess',
  'gardening',
  'rock climbing',
  'baking sourdough',
  'painting',
  'running',
  'sailing',
  'pottery',
  'birdwatching',
  'knitting',
];
const objects = [
  'spare key',
  'passport',
  'old laptop',
  'camping stove',
  'toolbox',
  'winter coats',
  'tax folder',
  'bike pump',
  'printer ink',
  'board games',
];
const places = [
  'hall cupboard',
  'garage',
  'attic',
  'top drawer',
  'basement',
  'shed',
  'car boot',
  'office shelf',
  'spare room',
  'kitchen cabinet',
];
const cities = [
  'Oslo',
  'Nairobi',
  'Kyoto',
  'Montreal',
  'Seville',
  'Hanoi',
  'Reykjavik',
  'Cusco',
  'Tbilisi',
  'Perth',
];
const months = [
  'February',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 200 facts unrelated to the cases: hobbies, where things are kept, trips. */
export function unrelatedMemories(): string[] {
  const facts: string[] = [];
  for (const person of people)
    for (const hobby of hobbies) facts.push(`${person} enjoys ${hobby} at weekends`);
  for (const object of objects)
    for (const [index, place] of places.entries())
      if ((index + object.length) % 2 === 0) facts.push(`The ${object} is kept in the ${place}`);
  for (const city of cities)
    for (const month of months) if (facts.length < 200) facts.push(`Trip to ${city} planned for ${month}`);
  return facts.slice(0, 200);
}
