import type { Card, ModelAnswer, Question, StudySet } from "../generate/schemas";
import { createSpanFinder } from "./evidence";
import { NOTE_CNA, NOTE_DW, NOTE_FT, NOTE_GASAM, NOTE_MODEL, ttpNotes } from "./ttp-notes";

/**
 * Crux's first study pack: the Tehreek-e-Taliban Pakistan (TTP), the Pakistan–Afghanistan border
 * conflict and counter-terrorism cooperation. Everything here is written in Crux's own words; facts
 * and figures come from five credited sources, and every item's evidence points into our notes on
 * them (`ttp-notes.ts`). Where the sources disagree or measure different things (refugee numbers,
 * the 2024 rise in violence), the item names whose figure it is.
 */

const span = createSpanFinder(ttpNotes);
const CNA = NOTE_CNA;
const FT = NOTE_FT;
const MODEL = NOTE_MODEL;
const DW = NOTE_DW;
const GASAM = NOTE_GASAM;

const cards: Card[] = [
  // Organisation and history
  {
    id: "ttp-card-001",
    kind: "acronym",
    front: "TTP",
    back: "Tehreek-e-Taliban Pakistan (also spelt Tehrik-e-Taliban Pakistan), commonly called the Pakistani Taliban.",
    evidence: [span(CNA, "The Tehreek-e-Taliban Pakistan (TTP), widely called the Pakistani Taliban"), span(GASAM, "The Tehrik-e-Taliban Pakistan, the largest contributor")],
  },
  {
    id: "ttp-card-002",
    kind: "timeline",
    front: "Year in which several militant outfits of north-west Pakistan came together to form the TTP",
    back: "2007",
    evidence: [span(CNA, "was founded in 2007 by several militant outfits of north-west Pakistan")],
  },
  {
    id: "ttp-card-003",
    kind: "cloze",
    front: "The TTP shot the schoolgirl Malala Yousafzai in ____; she received the Nobel Peace Prize two years later.",
    back: "2012",
    evidence: [span(CNA, "In 2012 it shot the schoolgirl Malala Yousafzai, who won the Nobel Peace Prize two years later")],
  },
  {
    id: "ttp-card-004",
    kind: "qa",
    front: "Which valley, deep inside Pakistan rather than on the Afghan border, did the TTP once control?",
    back: "The Swat Valley.",
    evidence: [span(CNA, "once held ground as deep inside Pakistan as the Swat Valley")],
  },
  {
    id: "ttp-card-005",
    kind: "qa",
    front: "What does the TTP seek to impose in Pakistan's tribal borderlands?",
    back: "Its own hardline version of sharia law.",
    evidence: [span(FT, "The TTP wants its hardline version of sharia enforced in Pakistan's tribal borderlands")],
  },
  {
    id: "ttp-card-007",
    kind: "qa",
    front: "Which Pakistani military operation does DW single out as having battered the TTP before 2020?",
    back: "Operation Zarb-e-Azb (alongside US drone strikes that killed the group's leaders).",
    evidence: [span(DW, "above all Operation Zarb-e-Azb, and by US drone strikes that killed its leaders")],
  },
  {
    id: "ttp-card-008",
    kind: "qa",
    front: "Into which three Afghan border provinces were TTP splinter factions pushed before 2020 (DW)?",
    back: "Kunar, Nangarhar and Khost.",
    evidence: [span(DW, "driven across the border into the Afghan provinces of Kunar, Nangarhar and Khost")],
  },
  {
    id: "ttp-card-009",
    kind: "cloze",
    front: "PIPS data: terrorism fatalities in Pakistan fell from 2,451 (in 1,717 attacks) in 2013 to ____ (in 146 attacks) in 2020.",
    back: "220",
    evidence: [span(DW, "PIPS data show fatalities falling from 2,451 in 1,717 attacks in 2013 to 220 in 146 attacks in 2020")],
  },
  {
    id: "ttp-card-010",
    kind: "timeline",
    front: "When did TTP splinter groups begin to reunite under the TTP umbrella, and what revived them?",
    back: "From July 2020, encouraged by the US–Taliban peace talks of 2020.",
    evidence: [span(DW, "The US–Taliban peace talks of 2020 revived the group: from July 2020, factions that had split away since 2014 rejoined it")],
  },
  {
    id: "ttp-card-011",
    kind: "cloze",
    front: "A Pakistani military offensive against the TTP that ended in ____ sharply reduced attacks for some years (CNA).",
    back: "2016",
    evidence: [span(CNA, "a Pakistani offensive that ended in 2016 cut attacks sharply for some years")],
  },
  {
    id: "ttp-card-012",
    kind: "qa",
    front: "What is Tehrik-e-Jihad Pakistan, according to Khuram Iqbal?",
    back: "An alleged front of the TTP.",
    evidence: [span(GASAM, "its alleged front Tehrik-e-Jihad Pakistan")],
  },
  {
    id: "ttp-card-013",
    kind: "qa",
    front: "Which militant group led by Hafiz Gul Bahadur is a growing threat inside Pakistan, according to PIPS expert Safdar Sial?",
    back: "A TTP faction that used to carry out attacks only in Afghanistan.",
    evidence: [span(DW, "the group led by Hafiz Gul Bahadur, a TTP faction that used to attack only in Afghanistan")],
  },
  // Scale of violence
  {
    id: "ttp-card-014",
    kind: "cloze",
    front: "CRSS counted more than ____ civilians, security personnel and militants killed in terror attacks in Pakistan in 2024.",
    back: "2,500",
    evidence: [span(FT, "counts more than 2,500 civilians, security personnel and militants killed in terror attacks in Pakistan in 2024")],
  },
  {
    id: "ttp-card-015",
    kind: "cloze",
    front: "According to CRSS, terror-attack deaths in Pakistan in 2024 were ____ higher than in 2023.",
    back: "66 per cent",
    evidence: [span(FT, "a rise of 66 per cent over 2023")],
  },
  {
    id: "ttp-card-016",
    kind: "cloze",
    front: "Khuram Iqbal (GASAM): of 521 terror attacks in Pakistan in 2024, ____ took place in Khyber Pakhtunkhwa and Balochistan.",
    back: "95%",
    evidence: [span(GASAM, "of 521 attacks, 95% took place in Khyber Pakhtunkhwa and Balochistan")],
  },
  {
    id: "ttp-card-017",
    kind: "cloze",
    front: "Khuram Iqbal (GASAM) puts the rise in terrorism in Pakistan in 2024 at ____.",
    back: "72% (a different measure from CRSS's 66% rise in deaths)",
    evidence: [span(GASAM, "He reports a 72% rise in terrorism in 2024")],
  },
  {
    id: "ttp-card-018",
    kind: "qa",
    front: "How many TTP fighters did a UN Security Council report of July 2024 estimate to be operating from Afghanistan?",
    back: "At least 6,000.",
    evidence: [span(FT, "A UN Security Council report of July 2024 put the TTP's strength at no fewer than 6,000 fighters operating from Afghanistan")],
  },
  {
    id: "ttp-card-019",
    kind: "qa",
    front: "What, according to a UN report of July 2025, has the TTP received from the Taliban authorities in Kabul?",
    back: "\"Logistical and operational support\".",
    evidence: [span(DW, "A UN report of July 2025 said the TTP gets \"logistical and operational support\" from the Taliban authorities")],
  },
  {
    id: "ttp-card-020",
    kind: "qa",
    front: "What trend does ACLED record for militancy in Pakistan since 2022?",
    back: "It has risen every year since 2022.",
    evidence: [span(CNA, "records militancy in Pakistan rising every year since 2022")],
  },
  // The border conflict
  {
    id: "ttp-card-021",
    kind: "timeline",
    front: "When did the worst Pakistan–Afghanistan fighting since 2021 take place, and how many died?",
    back: "October 2025; more than 70 people were killed on the two sides, before a fragile ceasefire (CNA).",
    evidence: [span(CNA, "In October 2025 the neighbours fought their worst battles since the Taliban's 2021 capture of Kabul: more than 70 people died on the two sides")],
  },
  {
    id: "ttp-card-022",
    kind: "timeline",
    front: "On what date did officials in Islamabad and Kabul confirm Pakistani overnight air strikes on major Afghan cities?",
    back: "Friday 27 February 2026.",
    evidence: [span(CNA, "On Friday 27 February 2026, officials in both Islamabad and Kabul confirmed that Pakistan had struck major Afghan cities overnight")],
  },
  {
    id: "ttp-card-023",
    kind: "timeline",
    front: "In which month and year did Pakistan bomb militant hideouts in Afghanistan's Barmal district?",
    back: "December 2024.",
    evidence: [span(GASAM, "In December 2024 Pakistan bombed militant hideouts in Afghanistan's Barmal district")],
  },
  {
    id: "ttp-card-024",
    kind: "qa",
    front: "Which three Afghan cities did Pakistan strike in October 2025, according to the model answer?",
    back: "Kabul, Khost and Jalalabad (targeting alleged TTP infrastructure).",
    evidence: [span(MODEL, "the Pakistani air strikes of October 2025 on Kabul, Khost and Jalalabad against alleged TTP infrastructure")],
  },
  {
    id: "ttp-card-025",
    kind: "qa",
    front: "What toll did the TTP-claimed attack in Bajaur district take, shortly before the February 2026 strikes?",
    back: "11 security personnel and two civilians killed; Pakistani sources said an Afghan national carried it out.",
    evidence: [span(CNA, "One of them, in Bajaur district, killed 11 security personnel and two civilians; the TTP claimed it, and Pakistani sources said an Afghan national carried it out")],
  },
  {
    id: "ttp-card-026",
    kind: "qa",
    front: "How long is the Pakistan–Afghanistan border, according to the Financial Times?",
    back: "2,600km.",
    evidence: [span(FT, "a calm 2,600km border once Nato left")],
  },
  {
    id: "ttp-card-027",
    kind: "qa",
    front: "How many active personnel do the Afghan Taliban have, according to CNA, compared with Pakistan?",
    back: "172,000, less than a third of Pakistan's (over 600,000 active personnel per IISS 2025 data).",
    evidence: [
      span(CNA, "CNA puts Taliban personnel at 172,000, under a third of Pakistan's strength"),
      span(CNA, "Pakistan has more than 600,000 active personnel"),
    ],
  },
  {
    id: "ttp-card-028",
    kind: "qa",
    front: "What air power do the Afghan Taliban have, according to CNA?",
    back: "At least six aircraft and 23 helicopters of unknown condition, and no fighter jets.",
    evidence: [span(CNA, "the Taliban have at least six aircraft and 23 helicopters, of unknown condition, and no fighter jets")],
  },
  // Pakistan's pressure and Kabul's response
  {
    id: "ttp-card-029",
    kind: "cloze",
    front: "By early 2025, Pakistan had deported more than ____ Afghan refugees (Financial Times figure).",
    back: "800,000 (DW, in August 2025, reported over 1 million expelled since September 2023)",
    evidence: [span(FT, "deporting more than 800,000 Afghan refugees"), span(DW, "Since September 2023 Pakistan has also expelled more than 1 million Afghan refugees")],
  },
  {
    id: "ttp-card-030",
    kind: "qa",
    front: "What token step has Kabul taken on the TTP, according to the Financial Times?",
    back: "It moved a handful of TTP fighters, with their families, to the west of Afghanistan, far from the border.",
    evidence: [span(FT, "Kabul has relocated a handful of TTP fighters, with their families, to the west of the country, far from the border")],
  },
  {
    id: "ttp-card-031",
    kind: "qa",
    front: "Why does Kabul hesitate to crack down on the TTP, according to Ibraheem Bahiss, Amin Saikal and Hazrat Ali?",
    back: "It fears TTP fighters would defect to its rival, the Islamic State's Khorasan branch (IS-KP/ISK).",
    evidence: [
      span(FT, "the defection of TTP fighters to IS-KP"),
      span(CNA, "Kabul fears that abandoned TTP fighters would join its rival ISK"),
      span(DW, "push TTP members towards ISKP"),
    ],
  },
  {
    id: "ttp-card-032",
    kind: "qa",
    front: "Which country became the first, and so far only, to formally recognise the current Taliban government (DW, August 2025)?",
    back: "Russia.",
    evidence: [span(DW, "Russia has become the first and so far only country to do so")],
  },
  {
    id: "ttp-card-033",
    kind: "qa",
    front: "At what level is Pakistan's diplomatic representation in Kabul, and why has it not been upgraded?",
    back: "A chargé d'affaires, not a full ambassador, mainly because of concerns over the TTP.",
    evidence: [span(DW, "Islamabad has not even raised its chargé d'affaires in Kabul to the rank of ambassador, mainly because of the TTP")],
  },
  {
    id: "ttp-card-034",
    kind: "timeline",
    front: "In which year did Pakistan swiftly recognise the earlier Taliban regime?",
    back: "1996",
    evidence: [span(DW, "swiftly recognised the earlier Taliban regime in 1996")],
  },
  // Regional and economic dimension
  {
    id: "ttp-card-035",
    kind: "cloze",
    front: "The Afghan Taliban have invested ____ in Chabahar to reduce their dependence on Pakistan.",
    back: "$35 million",
    evidence: [span(GASAM, "the Taliban have put $35 million into Chabahar to reduce their dependence on Pakistan")],
  },
  {
    id: "ttp-card-036",
    kind: "cloze",
    front: "Attacks on Chinese workers in Pakistan threaten Beijing's ____ of Belt and Road projects in the country (Financial Times).",
    back: "$60bn",
    evidence: [span(FT, "putting at risk Beijing's $60bn of Belt and Road projects in Pakistan")],
  },
  {
    id: "ttp-card-037",
    kind: "qa",
    front: "Which four countries, meeting at the UN General Assembly in September 2024, jointly voiced concern about groups such as ISIL, al-Qaida, ETIM and the TTP?",
    back: "China, Russia, Iran and Pakistan.",
    evidence: [span(GASAM, "In September 2024, meeting on the margins of the UN General Assembly, China, Russia, Iran and Pakistan voiced concern")],
  },
  {
    id: "ttp-card-038",
    kind: "qa",
    front: "Which two countries join China in the China-led trilateral consultation mechanism on shared security concerns?",
    back: "Pakistan and Iran.",
    evidence: [span(GASAM, "has led a trilateral consultation mechanism with Pakistan and Iran")],
  },
  {
    id: "ttp-card-039",
    kind: "acronym",
    front: "ETIM",
    back: "Eastern Turkestan Islamic Movement — one of the groups named in the September 2024 China–Russia–Iran–Pakistan statement.",
    evidence: [span(GASAM, "the Eastern Turkestan Islamic Movement (ETIM)")],
  },
  {
    id: "ttp-card-040",
    kind: "acronym",
    front: "CPEC",
    back: "China–Pakistan Economic Corridor — Khuram Iqbal suggests extending it into Afghanistan to build economic interdependence.",
    evidence: [span(GASAM, "extending the China–Pakistan Economic Corridor (CPEC) into Afghanistan")],
  },
  {
    id: "ttp-card-041",
    kind: "acronym",
    front: "PIPS",
    back: "Pak Institute for Peace Studies — an Islamabad think tank that tracks terrorism trends in Pakistan.",
    evidence: [span(DW, "Pak Institute for Peace Studies (PIPS), an Islamabad think tank")],
  },
  {
    id: "ttp-card-042",
    kind: "acronym",
    front: "CRSS",
    back: "Centre for Research and Security Studies — an Islamabad-based think tank that counts casualties of terror attacks.",
    evidence: [span(FT, "The Islamabad-based Centre for Research and Security Studies (CRSS)")],
  },
  {
    id: "ttp-card-043",
    kind: "acronym",
    front: "ACLED",
    back: "Armed Conflict Location & Event Data — a global conflict-monitoring organisation.",
    evidence: [span(CNA, "ACLED (Armed Conflict Location & Event Data), a monitoring group")],
  },
  // Who said it
  {
    id: "ttp-card-044",
    kind: "who_said",
    front: "Who hailed the Taliban's 2021 takeover as Afghans breaking \"the shackles of slavery\"?",
    back: "Imran Khan, then Prime Minister of Pakistan.",
    evidence: [span(FT, "Imran Khan, then Pakistan's prime minister, praised the Afghans for breaking \"the shackles of slavery\"")],
  },
  {
    id: "ttp-card-045",
    kind: "who_said",
    front: "Who called Islamabad's bet that the Taliban would turn on their ideological ally the TTP a \"strategic miscalculation\"?",
    back: "Maleeha Lodhi, formerly Pakistan's ambassador to the US and to the UN.",
    evidence: [span(FT, "Maleeha Lodhi, once Pakistan's ambassador to both the US and the UN, calls Islamabad's wager that the Taliban would turn on their ideological ally a \"strategic miscalculation\"")],
  },
  {
    id: "ttp-card-046",
    kind: "who_said",
    front: "Who said the Taliban have \"dug their heels\" in over the TTP?",
    back: "Ibraheem Bahiss, analyst at the International Crisis Group.",
    evidence: [span(FT, "Ibraheem Bahiss of the International Crisis Group says the Taliban have \"dug their heels\" in")],
  },
  {
    id: "ttp-card-047",
    kind: "who_said",
    front: "Who, after Pakistan's December 2024 strikes, called TTP members \"guests, friends\" and told Pakistan to \"learn from the defeat of three superpowers\"?",
    back: "The Afghan Taliban's information minister.",
    evidence: [span(GASAM, "The Taliban information minister replied by calling the TTP \"guests, friends\" whom Afghans are pledged to protect, and told Pakistan to \"learn from the defeat of three superpowers\"")],
  },
  {
    id: "ttp-card-048",
    kind: "who_said",
    front: "Which Pakistani army chief, in Peshawar, called Afghanistan a \"brotherly neighbour\" while naming the TTP as the one obstacle to better ties?",
    back: "Asim Munir, Pakistan's Chief of Army Staff.",
    evidence: [span(FT, "Army chief Asim Munir, speaking in Peshawar, capital of Khyber Pakhtunkhwa, called Afghanistan a \"brotherly neighbour\"")],
  },
  {
    id: "ttp-card-049",
    kind: "who_said",
    front: "Who described Pakistan as \"the new hub of militant activity\"?",
    back: "Safdar Sial of the Pak Institute for Peace Studies (PIPS).",
    evidence: [span(DW, "In his words Pakistan has become \"the new hub of militant activity\"")],
  },
];

const option = (id: string, text: string, correct: boolean) => ({ id, text, correct });

const questions: Question[] = [
  {
    id: "ttp-q-001",
    kind: "single_choice",
    prompt: "In which year was the Tehreek-e-Taliban Pakistan (TTP) formed?",
    options: [option("a", "2001", false), option("b", "2007", true), option("c", "2012", false), option("d", "2016", false)],
    explanation: "Several militant outfits of north-west Pakistan founded the TTP in 2007 (CNA). 2012 is the year it shot Malala Yousafzai; 2016 is when a Pakistani offensive against it ended.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(CNA, "was founded in 2007 by several militant outfits of north-west Pakistan")],
  },
  {
    id: "ttp-q-002",
    kind: "single_choice",
    prompt:
      "Consider the following statements about the Tehreek-e-Taliban Pakistan (TTP):\n1. Several militant outfits of north-west Pakistan came together to form it in 2007.\n2. It carried out the 2012 attack on Malala Yousafzai.\n3. According to the Financial Times, it operates under the command of al-Qaeda.\nWhich of the statements given above is/are correct?",
    options: [option("a", "1 only", false), option("b", "1 and 2 only", true), option("c", "2 and 3 only", false), option("d", "1, 2 and 3", false)],
    explanation: "Statements 1 and 2 are correct (CNA). Statement 3 is wrong: the Financial Times says the TTP has historic links to al-Qaeda and the Kabul regime but operates independently.",
    marks: 2,
    timeLimitSec: 75,
    evidence: [
      span(CNA, "was founded in 2007 by several militant outfits of north-west Pakistan"),
      span(CNA, "In 2012 it shot the schoolgirl Malala Yousafzai"),
      span(FT, "it has historic ties to the Kabul regime and al-Qaeda but acts on its own"),
    ],
  },
  {
    id: "ttp-q-003",
    kind: "single_choice",
    prompt: "A UN Security Council report of July 2024 estimated how many TTP fighters to be operating out of Afghanistan?",
    options: [option("a", "At least 600", false), option("b", "At least 2,500", false), option("c", "At least 6,000", true), option("d", "At least 60,000", false)],
    explanation: "The July 2024 UN Security Council report cited by the Financial Times estimated at least 6,000 TTP fighters in Afghanistan. (2,500 is CRSS's 2024 death toll from terror attacks in Pakistan.)",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(FT, "A UN Security Council report of July 2024 put the TTP's strength at no fewer than 6,000 fighters operating from Afghanistan")],
  },
  {
    id: "ttp-q-004",
    kind: "numeric",
    prompt: "According to the Centre for Research and Security Studies (CRSS), by what percentage did deaths from terror attacks in Pakistan rise in 2024 compared with 2023?",
    answer: "66",
    tolerance: 0,
    unit: "%",
    explanation: "CRSS counted more than 2,500 people killed in terror attacks in Pakistan in 2024, 66 per cent more than in 2023 (Financial Times). Khuram Iqbal's 72% figure measures the rise in terrorism (attacks), not CRSS's death count.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(FT, "a rise of 66 per cent over 2023")],
  },
  {
    id: "ttp-q-005",
    kind: "numeric",
    prompt: "What is the length of the border shared by Pakistan and Afghanistan, as given by the Financial Times?",
    answer: "2600",
    tolerance: 0,
    unit: "km",
    explanation: "The Financial Times gives the shared border as 2,600km; Pakistan hoped that backing the Afghan Taliban would buy it security along it after Nato left.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(FT, "a calm 2,600km border once Nato left")],
  },
  {
    id: "ttp-q-006",
    kind: "single_choice",
    prompt:
      "Consider the following statements about Pakistan's expulsion of Afghan refugees:\n1. The Financial Times (early 2025) reported that Pakistan had deported more than 800,000 Afghan refugees.\n2. DW (August 2025) reported that more than 1 million Afghan refugees had been expelled since September 2023.\n3. Both figures are taken from the same UN Security Council report.\nWhich of the statements given above is/are correct?",
    options: [option("a", "1 only", false), option("b", "2 only", false), option("c", "1 and 2 only", true), option("d", "1, 2 and 3", false)],
    explanation: "The two outlets give different figures at different dates: over 800,000 (Financial Times, early 2025) and over 1 million since September 2023 (DW, August 2025). Neither attributes its figure to a UN report.",
    marks: 2,
    timeLimitSec: 75,
    evidence: [span(FT, "deporting more than 800,000 Afghan refugees"), span(DW, "Since September 2023 Pakistan has also expelled more than 1 million Afghan refugees")],
  },
  {
    id: "ttp-q-007",
    kind: "true_false",
    prompt: "True or false: as reported by DW in August 2025, Russia had become the first and only country to formally recognise the Taliban government in Kabul.",
    options: [option("true", "True", true), option("false", "False", false)],
    answer: "true",
    explanation: "True. DW reports that Russia became the first and so far only country to formally recognise the Taliban government, while Pakistan, which recognised the Taliban swiftly in 1996, has held back.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(DW, "Russia has become the first and so far only country to do so")],
  },
  {
    id: "ttp-q-008",
    kind: "true_false",
    prompt: "True or false: Pakistan has upgraded its chargé d'affaires in Kabul to the rank of full ambassador.",
    options: [option("true", "True", false), option("false", "False", true)],
    answer: "false",
    explanation: "False. According to analyst Tahir Khan (DW), Islamabad has not even raised its chargé d'affaires to ambassador, mainly because of its concerns over the TTP.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(DW, "Islamabad has not even raised its chargé d'affaires in Kabul to the rank of ambassador, mainly because of the TTP")],
  },
  {
    id: "ttp-q-009",
    kind: "single_choice",
    prompt: "In December 2024 Pakistan carried out air strikes on militant hideouts in which district of Afghanistan?",
    options: [option("a", "Bajaur", false), option("b", "Barmal", true), option("c", "Swat", false), option("d", "Peshawar", false)],
    explanation: "The December 2024 strikes hit Barmal district in Afghanistan (Khuram Iqbal, GASAM). Bajaur and Swat are in Pakistan: Bajaur was the site of a TTP-claimed attack, Swat a valley the TTP once held; Peshawar is the capital of Khyber Pakhtunkhwa.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(GASAM, "In December 2024 Pakistan bombed militant hideouts in Afghanistan's Barmal district")],
  },
  {
    id: "ttp-q-010",
    kind: "multiple_choice",
    prompt: "Meeting at the UN General Assembly in September 2024, China, Russia, Iran and Pakistan expressed concern about several terrorist groups. Which of the following were among the groups they named? Select all that apply.",
    options: [
      option("a", "Eastern Turkestan Islamic Movement (ETIM)", true),
      option("b", "Jaish ul-Adl", true),
      option("c", "Balochistan Liberation Army (BLA)", true),
      option("d", "Tehrik-e-Jihad Pakistan", false),
    ],
    explanation: "The statement named ISIL, al-Qaida, ETIM, the TTP, Jaish ul-Adl and the BLA, among others (Khuram Iqbal, GASAM). Tehrik-e-Jihad Pakistan, an alleged TTP front, is not among the groups listed.",
    marks: 2,
    timeLimitSec: 75,
    evidence: [span(GASAM, "voiced concern about ISIL, al-Qaida, the Eastern Turkestan Islamic Movement (ETIM), the TTP, Jaish ul-Adl and the Balochistan Liberation Army (BLA)")],
  },
  {
    id: "ttp-q-011",
    kind: "single_choice",
    prompt: "The Afghan Taliban's $35 million investment, seen as an attempt to reduce their dependence on Pakistan, went into which port?",
    options: [option("a", "Gwadar", false), option("b", "Karachi", false), option("c", "Chabahar", true), option("d", "Bandar Abbas", false)],
    explanation: "Khuram Iqbal (GASAM) notes that the Taliban have invested $35 million in Chabahar, in Iran, to diversify away from Islamabad.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(GASAM, "the Taliban have put $35 million into Chabahar to reduce their dependence on Pakistan")],
  },
  {
    id: "ttp-q-012",
    kind: "single_choice",
    prompt:
      "Consider the following statements about the military balance between Pakistan and the Afghan Taliban:\n1. According to 2025 IISS data, Pakistan has more than 600,000 active military personnel.\n2. The Taliban possess a squadron of fighter jets.\n3. Pakistan is a nuclear-armed state.\nWhich of the statements given above is/are correct?",
    options: [option("a", "1 only", false), option("b", "1 and 3 only", true), option("c", "2 and 3 only", false), option("d", "1, 2 and 3", false)],
    explanation: "Statements 1 and 3 are correct (CNA, citing IISS for Pakistan's forces). Statement 2 is wrong: the Taliban have at least six aircraft and 23 helicopters of unknown condition but no fighter jets.",
    marks: 2,
    timeLimitSec: 75,
    evidence: [
      span(CNA, "Pakistan has more than 600,000 active personnel"),
      span(CNA, "the Taliban have at least six aircraft and 23 helicopters, of unknown condition, and no fighter jets"),
      span(CNA, "and it is a nuclear power"),
    ],
  },
  {
    id: "ttp-q-013",
    kind: "single_choice",
    prompt: "China has led the creation of a trilateral consultation mechanism on shared security concerns. Which two countries does it involve besides China?",
    options: [
      option("a", "Pakistan and Afghanistan", false),
      option("b", "Pakistan and Iran", true),
      option("c", "Russia and Iran", false),
      option("d", "Iran and Tajikistan", false),
    ],
    explanation: "According to Khuram Iqbal (GASAM), China has led a trilateral consultation mechanism with Pakistan and Iran, while separately urging Pakistan and Afghanistan to talk.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(GASAM, "has led a trilateral consultation mechanism with Pakistan and Iran")],
  },
  {
    id: "ttp-q-014",
    kind: "single_choice",
    prompt: "Who described Islamabad's bet that the Afghan Taliban would turn against the TTP as a \"strategic miscalculation\"?",
    options: [
      option("a", "Asif Durrani", false),
      option("b", "Maleeha Lodhi", true),
      option("c", "Asim Munir", false),
      option("d", "Suhail Shaheen", false),
    ],
    explanation: "Maleeha Lodhi, formerly Pakistan's ambassador to the US and to the UN, used the phrase (Financial Times). Durrani was Pakistan's special representative for Afghanistan, Munir is army chief, and Shaheen is a Taliban spokesperson.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(FT, "calls Islamabad's wager that the Taliban would turn on their ideological ally a \"strategic miscalculation\"")],
  },
  {
    id: "ttp-q-015",
    kind: "numeric",
    prompt: "According to the Pak Institute for Peace Studies (PIPS), how many people were killed in terrorist attacks in Pakistan in 2020, after the TTP had been weakened?",
    answer: "220",
    tolerance: 0,
    unit: "fatalities",
    explanation: "PIPS data (DW) show fatalities falling from 2,451 in 1,717 attacks in 2013 to 220 in 146 attacks in 2020.",
    marks: 1,
    timeLimitSec: 60,
    evidence: [span(DW, "PIPS data show fatalities falling from 2,451 in 1,717 attacks in 2013 to 220 in 146 attacks in 2020")],
  },
  {
    id: "ttp-q-016",
    kind: "single_choice",
    prompt: "Before 2020, TTP splinter factions driven out of Pakistan moved into which Afghan border provinces?",
    options: [
      option("a", "Kunar, Nangarhar and Khost", true),
      option("b", "Helmand, Kandahar and Herat", false),
      option("c", "Badakhshan, Takhar and Kunduz", false),
      option("d", "Balkh, Jowzjan and Faryab", false),
    ],
    explanation: "DW reports that Pakistani operations and US drone strikes pushed TTP splinter groups into Kunar, Nangarhar and Khost, Afghan provinces on the Pakistan border.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(DW, "driven across the border into the Afghan provinces of Kunar, Nangarhar and Khost")],
  },
  {
    id: "ttp-q-017",
    kind: "true_false",
    prompt: "True or false: according to the Financial Times, Kabul has shifted a handful of TTP fighters, along with their families, to the west of Afghanistan, far from the Pakistan border.",
    options: [option("true", "True", true), option("false", "False", false)],
    answer: "true",
    explanation: "True. This relocation of a small number of fighters and families is the main concession Kabul has made; analysts doubt it will go further.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(FT, "Kabul has relocated a handful of TTP fighters, with their families, to the west of the country, far from the border")],
  },
  {
    id: "ttp-q-018",
    kind: "single_choice",
    prompt:
      "Consider the following explanations offered by analysts for the Afghan Taliban's reluctance to act against the TTP:\n1. A crackdown could drive TTP fighters into the ranks of IS-KP, the Taliban's rival.\n2. The Taliban share an ideological alignment with the TTP.\n3. The Taliban have no links of any kind with the TTP and therefore no leverage over it.\nWhich of the explanations given above is/are offered in the sources?",
    options: [option("a", "1 only", false), option("b", "1 and 2 only", true), option("c", "2 and 3 only", false), option("d", "1, 2 and 3", false)],
    explanation: "Ibraheem Bahiss (Financial Times), Amin Saikal (CNA) and Hazrat Ali (DW) cite the risk of defections to IS-KP; Khuram Iqbal (GASAM) points to ideological alignment. Statement 3 contradicts all sources, which stress the deep ties between the Taliban and the TTP.",
    marks: 2,
    timeLimitSec: 75,
    evidence: [
      span(FT, "the defection of TTP fighters to IS-KP"),
      span(GASAM, "Iqbal explains Kabul's stance as ideology overriding pragmatism"),
      span(FT, "unwilling to risk war with a powerful group it is closely tied to"),
    ],
  },
  {
    id: "ttp-q-019",
    kind: "single_choice",
    prompt: "According to Khuram Iqbal (GASAM), what share of the 521 terror attacks in Pakistan in 2024 took place in Khyber Pakhtunkhwa and Balochistan?",
    options: [option("a", "66%", false), option("b", "72%", false), option("c", "85%", false), option("d", "95%", true)],
    explanation: "95% of the 521 attacks occurred in the two provinces bordering Afghanistan. 72% is Iqbal's figure for the overall rise in terrorism in 2024; 66% is CRSS's rise in deaths.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(GASAM, "of 521 attacks, 95% took place in Khyber Pakhtunkhwa and Balochistan")],
  },
  {
    id: "ttp-q-020",
    kind: "numeric",
    prompt: "The TTP-claimed attack in Bajaur district shortly before Pakistan's February 2026 strikes killed security personnel and civilians. How many people were killed in total?",
    answer: "13",
    tolerance: 0,
    unit: "people",
    explanation: "Pakistani security sources (CNA) said the Bajaur attack killed 11 security personnel and two civilians, 13 in all, and that an Afghan national carried it out.",
    marks: 1,
    timeLimitSec: 60,
    evidence: [span(CNA, "killed 11 security personnel and two civilians")],
  },
  {
    id: "ttp-q-021",
    kind: "single_choice",
    prompt: "After Pakistan's air strikes on Afghan cities in February 2026, which country, sharing borders with both, offered through its foreign minister to facilitate dialogue?",
    options: [option("a", "Iran", true), option("b", "Qatar", false), option("c", "Türkiye", false), option("d", "Russia", false)],
    explanation: "Iran's foreign minister Abbas Araghchi offered to facilitate dialogue (CNA). Russia urged a halt to cross-border attacks; Türkiye and Qatar are named as possible mediators but are not neighbours of both countries.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(CNA, "Iran, which borders both countries, offered through its foreign minister Abbas Araghchi to facilitate dialogue")],
  },
  {
    id: "ttp-q-022",
    kind: "true_false",
    prompt: "True or false: according to Amin Saikal, the Islamic State's Khorasan branch (ISK) has been operating in Afghanistan only since the Taliban takeover of 2021.",
    options: [option("true", "True", false), option("false", "False", true)],
    answer: "false",
    explanation: "False. Saikal (CNA) says ISK has operated in Afghanistan since 2016, and that the Taliban fear TTP fighters would join it if abandoned.",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(CNA, "active in Afghanistan since 2016 by his account")],
  },
  {
    id: "ttp-q-023",
    kind: "multiple_choice",
    prompt: "Which of the following measures has Pakistan used to pressure the Afghan Taliban over the TTP? Select all that apply.",
    options: [
      option("a", "Deporting Afghan refugees", true),
      option("b", "Closing border crossings, restricting Afghanistan's access to Pakistani ports", true),
      option("c", "Air strikes on alleged TTP hideouts inside Afghanistan", true),
      option("d", "Withdrawing its formal recognition of the Taliban government", false),
    ],
    explanation: "The Financial Times lists deportations, border closures and air strikes. Pakistan could not withdraw recognition because it has never formally recognised the current Taliban government (DW).",
    marks: 2,
    timeLimitSec: 75,
    evidence: [
      span(FT, "Pakistan's pressure has included deporting more than 800,000 Afghan refugees, closing border crossings so that landlocked Afghanistan loses access to Pakistani ports, and air strikes on alleged TTP hide-outs inside Afghanistan"),
      span(DW, "has not recognised the present one"),
    ],
  },
  {
    id: "ttp-q-024",
    kind: "single_choice",
    prompt:
      "Arrange the following events in chronological order:\n1. Formation of the TTP\n2. TTP attack on Malala Yousafzai\n3. End of a Pakistani offensive that sharply reduced TTP attacks\n4. Pakistani air strikes on Afghanistan's Barmal district\nSelect the correct answer using the code given below.",
    options: [option("a", "1-2-3-4", true), option("b", "2-1-3-4", false), option("c", "1-3-2-4", false), option("d", "1-2-4-3", false)],
    explanation: "2007 (TTP formed) → 2012 (Malala attack) → 2016 (offensive ends) → December 2024 (Barmal strikes).",
    marks: 2,
    timeLimitSec: 90,
    evidence: [
      span(CNA, "was founded in 2007 by several militant outfits of north-west Pakistan"),
      span(CNA, "In 2012 it shot the schoolgirl Malala Yousafzai"),
      span(CNA, "a Pakistani offensive that ended in 2016 cut attacks sharply for some years"),
      span(GASAM, "In December 2024 Pakistan bombed militant hideouts in Afghanistan's Barmal district"),
    ],
  },
  {
    id: "ttp-q-025",
    kind: "single_choice",
    prompt: "How many active personnel does CNA attribute to the Afghan Taliban's forces?",
    options: [option("a", "72,000", false), option("b", "172,000", true), option("c", "400,000", false), option("d", "600,000", false)],
    explanation: "CNA puts the Taliban's personnel at 172,000, less than a third of Pakistan's more than 600,000 active personnel (IISS 2025 data).",
    marks: 1,
    timeLimitSec: 45,
    evidence: [span(CNA, "CNA puts Taliban personnel at 172,000, under a third of Pakistan's strength")],
  },
  // Written (Mains) questions
  {
    id: "ttp-w-001",
    kind: "written",
    prompt:
      "The Tehreek-e-Taliban Pakistan (TTP) has turned the Pakistan–Afghanistan border into a flashpoint. Examine how the TTP factor destabilises bilateral relations between the two countries and complicates counter-terrorism cooperation in the region.",
    explanation:
      "Cover both demands: (1) bilateral relations — ideological ties and Kabul's reluctance, sanctuaries and cross-border attacks, retaliation and clashes, collapse of post-2021 expectations, economic costs of closures and deportations; (2) counter-terrorism — divergent threat perceptions, no intelligence-sharing, Kabul's fear of IS-KP defections, entanglement with outside powers. Support with data (UN: at least 6,000 TTP fighters; CRSS: 2,500+ deaths in 2024) and end with a way forward. See the model answer.",
    marks: 15,
    timeLimitSec: 660,
    wordLimit: 250,
    evidence: [
      span(MODEL, "names the TTP as the main destabilising force since the Taliban came back in 2021"),
      span(FT, "A UN Security Council report of July 2024 put the TTP's strength at no fewer than 6,000 fighters operating from Afghanistan"),
    ],
  },
  {
    id: "ttp-w-002",
    kind: "written",
    prompt:
      "Pakistan's air strikes, deportation of Afghan refugees and trade restrictions have done little to make the Afghan Taliban act against the TTP. Critically analyse the effectiveness of this coercive approach and suggest alternatives.",
    explanation:
      "Assess the measures (air strikes such as Barmal, December 2024; 800,000+ deportations per the Financial Times, over 1 million since September 2023 per DW; border and trade curbs) and why they failed: ideological ties, fear of IS-KP defections, Kabul diversifying via Chabahar ($35 million) and India. Alternatives: economic interdependence (extending CPEC), sustained diplomacy and upgraded engagement, regional pressure (China-led trilateral, collective security strategy), holding Kabul to its Doha pledges, and a stronger internal security strategy.",
    marks: 15,
    timeLimitSec: 660,
    wordLimit: 250,
    evidence: [
      span(GASAM, "has used up its leverage through temporary trade embargoes and the repatriation of Afghan refugees"),
      span(GASAM, "urges Pakistan to build economic interdependence"),
    ],
  },
  {
    id: "ttp-w-003",
    kind: "written",
    prompt:
      "Discuss the responses of regional powers to the escalating Pakistan–Afghanistan tensions and their implications for counter-terrorism cooperation in the region.",
    explanation:
      "China (deep concern, ceasefire call, own-channel mediation, trilateral mechanism with Pakistan and Iran, BRI stakes), Iran (offer to facilitate dialogue, shared enemy ISKP, Chabahar), Russia (call to halt attacks; only country to recognise the Taliban), India (engagement Pakistan sees as a threat), Türkiye and Qatar (mediation), the September 2024 China–Russia–Iran–Pakistan statement. Implications: shared concern but divergent interests; ceasefires fragile while Kabul backs the TTP.",
    marks: 10,
    timeLimitSec: 420,
    wordLimit: 150,
    evidence: [
      span(CNA, "Abroad, Iran, which borders both countries, offered through its foreign minister Abbas Araghchi to facilitate dialogue"),
      span(GASAM, "China is urging Pakistan and Afghanistan to talk"),
    ],
  },
];

/** The model answer for ttp-w-001 (15 marks, 250 words): 9 content points + 6 structure marks. */
const modelAnswer: ModelAnswer = {
  questionId: "ttp-w-001",
  directive: "Examine",
  coreDemands: [
    "How the TTP factor destabilises Pakistan–Afghanistan bilateral relations.",
    "How it complicates counter-terrorism cooperation between the two countries and in the region.",
  ],
  introduction:
    "Since the Taliban's 2021 return to Kabul, the TTP has resurged from Afghan sanctuaries: CRSS counted over 2,500 terror-related deaths in Pakistan in 2024, up 66% on 2023.",
  body: [
    {
      heading: "Ideological",
      points: [
        {
          text: "Kabul treats the TTP as an ideological ally, not a terrorist group, so it resists acting.",
          example: "Maleeha Lodhi calls Islamabad's contrary bet a \"strategic miscalculation\".",
          evidence: [
            span(MODEL, "the Taliban see it as an ideological partner rather than a terrorist foe"),
            span(FT, "calls Islamabad's wager that the Taliban would turn on their ideological ally a \"strategic miscalculation\""),
          ],
        },
        {
          text: "Defying Pakistan lets the Taliban project sovereignty.",
          example: "After the December 2024 Barmal strikes, their information minister called TTP members \"guests, friends\".",
          evidence: [
            span(MODEL, "the Taliban resist Pakistani pressure in order to appear independent and sovereign"),
            span(GASAM, "The Taliban information minister replied by calling the TTP \"guests, friends\""),
          ],
        },
      ],
    },
    {
      heading: "Security",
      points: [
        {
          text: "Afghan sanctuaries sustain cross-border attacks.",
          example: "A July 2024 UN Security Council report estimated at least 6,000 TTP fighters there.",
          evidence: [span(FT, "A UN Security Council report of July 2024 put the TTP's strength at no fewer than 6,000 fighters operating from Afghanistan")],
        },
        {
          text: "Attacks provoke retaliation and a clash cycle.",
          example: "The October 2025 fighting killed over 70; Pakistan struck Afghan cities again in February 2026.",
          evidence: [
            span(CNA, "more than 70 people died on the two sides"),
            span(CNA, "On Friday 27 February 2026, officials in both Islamabad and Kabul confirmed that Pakistan had struck major Afghan cities overnight"),
          ],
        },
      ],
    },
    {
      heading: "Diplomatic",
      points: [
        {
          text: "Post-2021 goodwill has collapsed.",
          example: "Islamabad has not even upgraded its chargé d'affaires in Kabul to ambassador.",
          evidence: [span(DW, "Islamabad has not even raised its chargé d'affaires in Kabul to the rank of ambassador, mainly because of the TTP")],
        },
        {
          text: "Divergent threat perceptions and mutual suspicion block intelligence-sharing and joint operations.",
          example: "Kabul denies militants use its soil.",
          evidence: [
            span(MODEL, "Pakistan sees the TTP as an existential internal danger"),
            span(MODEL, "Mutual suspicion blocks intelligence-sharing and joint operations"),
            span(CNA, "Kabul repeatedly denies it"),
          ],
        },
      ],
    },
    {
      heading: "Economic and humanitarian",
      points: [
        {
          text: "Economic coercion has spent Pakistan's leverage without winning cooperation.",
          example: "Over 800,000 Afghans deported (FT); closed crossings disrupt trade.",
          evidence: [
            span(GASAM, "has used up its leverage through temporary trade embargoes and the repatriation of Afghan refugees"),
            span(FT, "deporting more than 800,000 Afghan refugees"),
            span(CNA, "land crossings have stayed mostly shut, disrupting trade and movement"),
          ],
        },
      ],
    },
    {
      heading: "Regional",
      points: [
        {
          text: "Kabul fears a crackdown would push fighters to rival IS-KP, so offers only token steps.",
          example: "It relocated a few fighters westward.",
          evidence: [
            span(FT, "the defection of TTP fighters to IS-KP"),
            span(FT, "Kabul has relocated a handful of TTP fighters, with their families, to the west of the country"),
          ],
        },
        {
          text: "Outside rivalries intrude.",
          example: "Pakistan sees India's Taliban engagement as a threat, while China's $60bn Belt and Road stake is exposed.",
          evidence: [
            span(CNA, "Pakistan sees India's engagement with the Taliban as a major threat"),
            span(FT, "putting at risk Beijing's $60bn of Belt and Road projects in Pakistan"),
          ],
        },
      ],
    },
  ],
  conclusion:
    "Way forward: Kabul must honour its Doha counter-terrorism pledges, while Pakistan pairs pressure with incentives such as extending CPEC, institutionalises border management and security dialogue, and uses regional mediation (China, Qatar, Türkiye, SCO).",
  rubric: [
    { id: "ttp-w-001-c1", kind: "content", marks: 1, point: "Explains that the Afghan Taliban see the TTP as an ideological ally rather than a terrorist group, so Kabul will not act against it and Islamabad's hope that it would was a miscalculation." },
    { id: "ttp-w-001-c2", kind: "content", marks: 1, point: "Explains that the Taliban resist Pakistani pressure to project sovereignty and independence, e.g. their defiant response to the December 2024 Barmal strikes." },
    { id: "ttp-w-001-c3", kind: "content", marks: 1, point: "Explains that TTP sanctuaries in Afghanistan sustain cross-border attacks on Pakistan, with data such as the UN estimate of at least 6,000 TTP fighters in Afghanistan." },
    { id: "ttp-w-001-c4", kind: "content", marks: 1, point: "Explains the cycle of attacks, Pakistani air strikes and Afghan retaliation, e.g. the October 2025 clashes (70+ killed) and the February 2026 strikes on Afghan cities." },
    { id: "ttp-w-001-c5", kind: "content", marks: 1, point: "Explains the collapse of Pakistan's post-2021 expectations and the resulting diplomatic chill, e.g. no upgrade of Pakistan's chargé d'affaires in Kabul." },
    { id: "ttp-w-001-c6", kind: "content", marks: 1, point: "Explains that divergent threat perceptions and mutual suspicion (Kabul denying that militants use its soil) prevent intelligence-sharing and joint operations." },
    { id: "ttp-w-001-c7", kind: "content", marks: 1, point: "Explains that coercive economic measures (refugee deportations, border closures disrupting trade) have used up Pakistan's leverage without securing Kabul's cooperation." },
    { id: "ttp-w-001-c8", kind: "content", marks: 1, point: "Explains that Kabul fears a crackdown would drive TTP fighters to its rival IS-KP, so it offers only token steps such as relocating some fighters away from the border." },
    { id: "ttp-w-001-c9", kind: "content", marks: 1, point: "Explains how outside actors and rivalries complicate cooperation, e.g. Pakistan's suspicion of India's engagement with the Taliban or China's exposed Belt and Road investments." },
    { id: "ttp-w-001-s1", kind: "structure", marks: 1, point: "The introduction sets the context (the Taliban's 2021 return, the TTP's resurgence) with a key figure." },
    { id: "ttp-w-001-s2", kind: "structure", marks: 2, point: "Points are supported by accurate, specific examples or data (dates, places, casualty figures, UN estimates); vague or wrong figures earn little or nothing." },
    { id: "ttp-w-001-s3", kind: "structure", marks: 2, point: "The conclusion gives a forward-looking way out, e.g. Kabul honouring its Doha pledges, incentives alongside pressure, institutionalised border management and regional or multilateral mediation." },
    { id: "ttp-w-001-s4", kind: "structure", marks: 1, point: "The answer stays within 250 words and genuinely addresses both demands rather than restating the question." },
  ],
};

const set: StudySet = {
  materials: [...ttpNotes],
  cards,
  questions,
  modelAnswers: [modelAnswer],
};

export interface StudyPackCredit {
  outlet: string;
  title: string;
  /** As in the source list: ISO date or a coarser label such as "2025". */
  date: string;
  note: string;
}

export interface StudyPack {
  slug: string;
  title: string;
  subject: string;
  description: string;
  credits: StudyPackCredit[];
  set: StudySet;
}

export const ttpStudyPack: StudyPack = {
  slug: "ttp-pak-afghan",
  title: "The TTP, the Pakistan–Afghanistan conflict and counter-terrorism cooperation",
  subject: "GS Paper II — International Relations (India and its neighbourhood); GS Paper III — Internal security",
  description:
    "Why the Tehreek-e-Taliban Pakistan (TTP) has become the central problem between Pakistan and the Taliban's Afghanistan: the group's history and revival, the 2024–2026 surge in violence and border fighting, Pakistan's coercive response and Kabul's reasons for inaction, and how China, Iran, Russia, India and others respond. Cards, prelims-style questions and a 15-mark Mains model answer with its rubric.",
  credits: [
    { outlet: "CNA", title: "Why tensions are flaring again between Afghanistan and Pakistan", date: "2026-02-27", note: "News explainer; source of the February 2026 strikes, the TTP's history, the military balance (with IISS data) and regional reactions." },
    { outlet: "Financial Times", title: "Pakistan losing patience with the Afghan Taliban over the TTP", date: "2025", note: "News analysis (early 2025); source of the CRSS casualty figures, the July 2024 UN estimate of TTP strength and Pakistan's pressure measures." },
    { outlet: "UPSC model answer (coaching site)", title: "Model answer: Pakistan–Afghanistan border clashes, the TTP and counter-terrorism cooperation", date: "2025", note: "A Mains-style model answer (late 2025); used for the structure of arguments and the October 2025 strikes on Kabul, Khost and Jalalabad." },
    { outlet: "DW", title: "Taliban regime deepens Pakistan's internal security woes", date: "2025-08-14", note: "News analysis; source of the PIPS data, the TTP's pre-2020 decline and revival, refugee expulsions and the state of diplomatic ties." },
    { outlet: "GASAM (South Asia Strategic Research Center)", title: "Op-ed by Dr Khuram Iqbal on the Taliban's inaction against the TTP", date: "2025", note: "Opinion (early 2025); source of the 2024 attack statistics, the Barmal strikes, the September 2024 four-country statement and proposals for a regional response. Views are the author's." },
  ],
  set,
};
