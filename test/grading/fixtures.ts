import type { WrittenQuestion } from "@/lib/grading/types";

/**
 * A small written-answer question invented for the tests (not from the development set), on a
 * subject far from the study pack so that nothing here can lean on tuned vocabulary.
 */
export const groundwaterQuestion: WrittenQuestion = {
  id: "gw1",
  prompt:
    "Groundwater tables in north-west India keep falling. Examine the causes of this depletion and suggest measures to reverse it.",
  marks: 10,
  wordLimit: 150,
  timeLimitMinutes: 7,
  coreDemands: ["The causes of groundwater depletion in north-west India.", "Measures to reverse the depletion."],
  rubric: [
    {
      id: "c1",
      point:
        "Explains that free or heavily subsidised electricity for farm pumps lets farmers extract groundwater without bearing its cost, encouraging over-pumping.",
      marks: 1,
      kind: "content",
    },
    {
      id: "c2",
      point:
        "Explains that the rice–wheat cropping cycle, backed by assured government procurement at minimum support prices, locks farmers into thirsty crops.",
      marks: 1,
      kind: "content",
    },
    {
      id: "c3",
      point:
        "Notes that natural recharge has fallen because cities pave over soil and village ponds and tanks have been encroached upon or neglected.",
      marks: 1,
      kind: "content",
    },
    {
      id: "c4",
      point:
        "Suggests metering or pricing power for pumps, or paying farmers for electricity they save, so that extraction carries a cost.",
      marks: 1,
      kind: "content",
    },
    {
      id: "c5",
      point: "Suggests crop diversification towards millets, pulses or maize with procurement support, and micro-irrigation such as drip systems.",
      marks: 1,
      kind: "content",
    },
    {
      id: "s1",
      point: "The introduction sets the context, e.g. the scale of over-exploited blocks in Punjab and Haryana.",
      marks: 1,
      kind: "structure",
    },
    {
      id: "s2",
      point: "The answer supports its points with at least one accurate, concrete example or data point.",
      marks: 2,
      kind: "structure",
    },
    {
      id: "s3",
      point: "The conclusion offers a way forward, e.g. community water budgeting and aquifer mapping.",
      marks: 1,
      kind: "structure",
    },
    {
      id: "s4",
      point: "The answer stays within the 150-word limit; only a genuine attempt earns it.",
      marks: 1,
      kind: "structure",
    },
  ],
};

/** Invented source material for fact checks (written for these tests). */
export const groundwaterMaterial = {
  id: "gw-notes",
  text: [
    "Groundwater notes for the test suite.",
    "A central board survey in 2022 found that 117 of the 153 assessment blocks in Punjab were over-exploited.",
    "Punjab supplies free electricity to farm pumps, and the state's power subsidy bill reached 20,000 crore rupees in 2023.",
    "Assured procurement of rice and wheat at minimum support prices keeps farmers growing paddy, a water-hungry crop.",
    "Village ponds that once recharged aquifers have been filled in or encroached upon as towns spread.",
    "Pilot schemes that pay farmers for the electricity they save have cut pumping by about a fifth.",
  ].join("\n"),
};

/** A competent answer in the student's own words (≈120 words). */
export const goodAnswer = [
  "North-west India is mining its aquifers: a 2022 survey rated 117 of Punjab's 153 blocks as over-exploited.",
  "",
  "Causes",
  "- Because electricity for farm pumps is free, farmers pump water without paying anything for it, so they over-extract.",
  "- Guaranteed procurement of rice and wheat at minimum support prices keeps farmers locked into paddy, a crop that needs huge amounts of water.",
  "- Recharge has shrunk as towns pave over land and village ponds are encroached upon.",
  "",
  "Measures",
  "- Meter the power supplied to pumps, or pay farmers for the electricity they save, so that extraction has a price.",
  "- Diversify crops towards millets and pulses with procurement support, and spread drip irrigation.",
  "",
  "Way forward: villages should map their aquifers and set community water budgets.",
].join("\n");
