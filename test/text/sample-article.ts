/** An article written for these tests: long enough for short < medium < long summaries. */
export const sampleArticle = `Cities around the world are turning to urban beekeeping as a way to support pollinators. Honey bees kept on rooftops and in community gardens pollinate fruit trees, vegetables and flowers across the city. Beekeepers in Paris, London and New York now manage thousands of hives on hotel roofs, schools and office buildings.

The decline of wild pollinators worries scientists. Pesticides, habitat loss and disease have reduced the number of wild bees in many regions. Some researchers warn that adding honey bees to cities can make this worse, because honey bees compete with wild bees for the same flowers. A hive of honey bees can collect pollen from millions of flowers in a single season.

For that reason, many cities now plant more flowers before they allow more hives. Parks replace short grass with meadows, and streets gain planters full of native plants. These flowers feed honey bees and wild bees alike, and they make the city greener for people too.

Urban honey is also popular with customers. Local shops sell rooftop honey at a high price, and the taste changes with the flowers of each neighbourhood. Some restaurants keep their own hives and serve the honey with breakfast.

Keeping bees in a city is not simple. Beekeepers must register their hives, inspect them for disease and make sure swarms do not alarm neighbours. Training courses teach new beekeepers how to handle bees safely and how to keep colonies healthy through the winter.

Schools have found that hives make good classrooms. Children learn how bees communicate, how pollination works and why flowers matter for food. Teachers report that pupils who care for a hive become more curious about nature.

Scientists are now measuring how urban beekeeping affects wild pollinators. Early studies suggest that the number of hives a city can support depends on how many flowers it has. Where flowers are scarce, too many hives harm wild bees; where meadows and planters are plentiful, honey bees and wild bees can thrive together.

The weather in March was unusually dry.

In the end, urban beekeeping works best as part of a wider plan for pollinators. Cities that plant flowers, limit pesticides and count their hives can enjoy local honey while protecting the wild bees that their gardens and parks depend on.`;
