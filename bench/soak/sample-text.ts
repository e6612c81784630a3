/** A paragraph for the text tools: long enough to summarize, with a mistake to find and a name to hide. */
export const sampleText = [
  'The city council met on Tuesday evening in the old town hall.',
  'After two hours of debate it voted 7 to 2 to approve funding for the new library on Elm Street.',
  'Construction is expected to start in March and to cost 4.2 million euros.',
  'Council member Jane Smith, who can be reached at jane.smith@example.com, said the vote was a good day for readers.',
  'Opponents argued that the money should go to road repairs instead, and they has promised to raise it again next year.',
].join(' ');
