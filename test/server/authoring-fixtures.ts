// Material written for these tests in the style of the news articles Crux ingests (the project does
// not copy third-party texts): figures, dates, named actors, an acronym and a quote.
export const RIVER_ARTICLE = `Why the Indus Waters Treaty matters again

The Indus Waters Treaty (IWT) was signed in Karachi in September 1960 by India and Pakistan, with the World Bank as its broker.
The treaty gave India control of the three eastern rivers and gave Pakistan the use of the three western rivers, which carry about 80 per cent of the basin's water.
In April 2025 India said it would hold the treaty in abeyance after an attack in Pahalgam killed 26 people.
Pakistan's National Security Committee called any diversion of its share of water "an act of war", according to a statement issued in Islamabad.
About 240 million people in Pakistan depend on the Indus basin for farming, drinking water and power.
Analysts say the dispute has shifted from engineers to generals, because the Permanent Indus Commission has not met since May 2022.
The World Bank appointed a neutral expert in October 2022 to examine the design of the Kishanganga and Ratle hydroelectric projects.
Farmers in Sindh warned that even a short delay in the flow of the Chenab during the sowing season could cut wheat yields by a third.`;

export const SECOND_ARTICLE = `Glaciers and the river system

Glaciers in the upper Indus basin have lost nearly 18 per cent of their ice mass since 1990, according to the International Centre for Integrated Mountain Development (ICIMOD).
The ICIMOD report published in June 2023 warned that the Indus could reach peak water by the 2050s before its flow begins to fall.
Pakistan's Ministry of Climate Change estimated that the floods of August 2022 caused damage worth $30 billion.
Engineers in Lahore argue that new storage is needed, because the Tarbela Dam can hold only about 30 days of the river's average flow.
The Mangla Dam on the Jhelum was completed in 1967 with money from the Indus Basin Development Fund.`;

/** A model answer written in the coaching format the importer reads. */
export const MODEL_ANSWER_TEXT = `Core Demand of the Question
- Examine how the suspension of the Indus Waters Treaty strains India–Pakistan relations.
- Suggest a way forward.
Answer
Introduction
The Indus Waters Treaty of 1960 has survived wars, but its suspension in 2025 has turned water into a strategic lever between the two neighbours.
Body
Strains on bilateral relations
- Securitisation of water: Pakistan describes any diversion of its share as an act of war, raising the stakes of every hydro project.
Eg: The National Security Committee statement after the Pahalgam attack in April 2025.
- Collapse of technical dialogue: The Permanent Indus Commission has not met since May 2022, leaving disputes without a forum.
Mechanisms That Can Contain the Dispute
- Third-party mechanisms: The neutral expert and the Court of Arbitration can keep technical questions apart from politics.
Eg: The World Bank appointed a neutral expert in October 2022.
Conclusion
Both sides gain from a treaty that shares data on floods and glaciers; restoring the commission's meetings is the first step.`;
