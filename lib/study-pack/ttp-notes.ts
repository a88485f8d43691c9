import type { Material } from "../generate/schemas";

/**
 * Crux's own study notes on the five source articles of the TTP / Pakistan–Afghanistan pack.
 * Each note restates one article's facts and figures in our words (no sentence is copied), keeps
 * every figure with the body that produced it (CRSS, PIPS, UN, IISS…), and is the text that all
 * evidence spans of the pack point into. Short quotations are kept only where a named speaker's
 * exact words matter, and always inside quotation marks.
 */

export const NOTE_CNA = "note-cna-2026-02";
export const NOTE_FT = "note-ft-2025";
export const NOTE_MODEL = "note-upsc-model-2025";
export const NOTE_DW = "note-dw-2025-08";
export const NOTE_GASAM = "note-gasam-2025";

const cna: Material = {
  id: NOTE_CNA,
  title: "Pakistan's February 2026 air strikes on Afghanistan: causes, the TTP and the balance of forces",
  source: "Why tensions are flaring again between Afghanistan and Pakistan (news explainer)",
  outlet: "CNA",
  publishedAt: "2026-02-27",
  text: [
    "On Friday 27 February 2026, officials in both Islamabad and Kabul confirmed that Pakistan had struck major Afghan cities overnight. The air and ground strikes hit the Taliban's military posts, headquarters and ammunition stores in several border sectors, after an Afghan attack on Pakistani border forces, and escalated months of border clashes. In October 2025 the neighbours fought their worst battles since the Taliban's 2021 capture of Kabul: more than 70 people died on the two sides, a fragile ceasefire followed, and land crossings have stayed mostly shut, disrupting trade and movement.",
    "Pakistan had welcomed the Taliban's return in 2021. Islamabad now says the TTP's leaders and many of its fighters, as well as Baloch separatists, shelter in Afghanistan; Kabul repeatedly denies it. ACLED (Armed Conflict Location & Event Data), a monitoring group, records militancy in Pakistan rising every year since 2022. On the eve of the strikes, Pakistani security sources tied seven planned or successful attacks since late 2024 to Afghanistan. One of them, in Bajaur district, killed 11 security personnel and two civilians; the TTP claimed it, and Pakistani sources said an Afghan national carried it out.",
    "The Tehreek-e-Taliban Pakistan (TTP), widely called the Pakistani Taliban, was founded in 2007 by several militant outfits of north-west Pakistan. Its attacks have hit mosques, markets, airports and military bases, and it once held ground as deep inside Pakistan as the Swat Valley. In 2012 it shot the schoolgirl Malala Yousafzai, who won the Nobel Peace Prize two years later. Its fighters fought beside the Afghan Taliban against US-led forces, and a Pakistani offensive that ended in 2016 cut attacks sharply for some years.",
    "Amin Saikal, adjunct senior fellow at Nanyang Technological University's S. Rajaratnam School of International Studies, argues that the Afghan Taliban shelter the TTP, that al-Qaeda has grown under their patronage, and that the conflict is likely to go on unless Kabul drops the TTP. In his view Kabul fears that abandoned TTP fighters would join its rival ISK, the Islamic State's Khorasan branch, active in Afghanistan since 2016 by his account. He adds that Pakistan sees India's engagement with the Taliban as a major threat (New Delhi engages Kabul partly to stop Afghanistan becoming a militant hub again), and says Türkiye and Qatar may attempt mediation again.",
    "On paper, CNA puts Taliban personnel at 172,000, under a third of Pakistan's strength; the Taliban have at least six aircraft and 23 helicopters, of unknown condition, and no fighter jets. According to 2025 data of the International Institute for Strategic Studies (IISS), Pakistan has more than 600,000 active personnel, over 6,000 armoured fighting vehicles and upwards of 400 combat aircraft, and it is a nuclear power.",
    "Abroad, Iran, which borders both countries, offered through its foreign minister Abbas Araghchi to facilitate dialogue; Russia urged an immediate end to cross-border attacks and a diplomatic settlement; and China, through foreign ministry spokeswoman Mao Ning, said it was \"deeply concerned\", called for a ceasefire and said it mediates through its own channels. Pakistan is among China's closest partners, yet Beijing also calls itself a friendly neighbour of Afghanistan.",
  ].join("\n\n"),
};

const ft: Material = {
  id: NOTE_FT,
  title: "Why Pakistan is losing patience with the Afghan Taliban over the TTP",
  source: "Pakistan losing patience with the Afghan Taliban over the TTP (news analysis)",
  outlet: "Financial Times",
  publishedAt: "2025",
  text: [
    "After the Taliban took Kabul in 2021, Imran Khan, then Pakistan's prime minister, praised the Afghans for breaking \"the shackles of slavery\", and his intelligence chief Faiz Hameed was photographed having tea with Taliban leaders in a Kabul hotel. Islamabad's hope of a friendlier partner than the US-backed government before it has turned to alarm as violence climbs to a nine-year high.",
    "The Islamabad-based Centre for Research and Security Studies (CRSS) counts more than 2,500 civilians, security personnel and militants killed in terror attacks in Pakistan in 2024, a rise of 66 per cent over 2023. A UN Security Council report of July 2024 put the TTP's strength at no fewer than 6,000 fighters operating from Afghanistan. Analysts link the group's revival partly to advanced weapons abandoned in Nato's withdrawal and to the freeing of hundreds of militants from Afghan jails.",
    "Army chief Asim Munir, speaking in Peshawar, capital of Khyber Pakhtunkhwa, called Afghanistan a \"brotherly neighbour\" but said the TTP was the one obstacle to better ties. Asif Durrani, Pakistan's special representative for Afghanistan until September, said Pakistan was \"losing patience\" and compared Kabul to ostriches hiding their heads whenever shown proof. Islamabad had backed the Afghan Taliban's two-decade insurgency with shelter, weapons, money and medical care, expecting leverage and a calm 2,600km border once Nato left.",
    "The TTP wants its hardline version of sharia enforced in Pakistan's tribal borderlands; it has historic ties to the Kabul regime and al-Qaeda but acts on its own. Its growing attacks have unsettled foreign investors, and separatist militants have targeted Chinese workers, putting at risk Beijing's $60bn of Belt and Road projects in Pakistan.",
    "Pakistan's pressure has included deporting more than 800,000 Afghan refugees, closing border crossings so that landlocked Afghanistan loses access to Pakistani ports, and air strikes on alleged TTP hide-outs inside Afghanistan. Taliban spokesperson Suhail Shaheen answers that the military approach has failed and that the attackers are based in Pakistan's own tribal areas. Kabul has relocated a handful of TTP fighters, with their families, to the west of the country, far from the border. Ibraheem Bahiss of the International Crisis Group says the Taliban have \"dug their heels\" in, unwilling to risk war with a powerful group it is closely tied to, or the defection of TTP fighters to IS-KP.",
    "Meanwhile Vikram Misri, the senior-most official of India's foreign ministry, met Afghanistan's acting foreign minister, Amir Khan Muttaqi, in Dubai and promised more trade through an Iranian port. Maleeha Lodhi, once Pakistan's ambassador to both the US and the UN, calls Islamabad's wager that the Taliban would turn on their ideological ally a \"strategic miscalculation\", yet warns that neither neighbour can afford a rupture.",
  ].join("\n\n"),
};

const model: Material = {
  id: NOTE_MODEL,
  title: "How a model Mains answer frames the TTP factor in Pakistan–Afghanistan relations",
  source: "UPSC Mains model answer: Pakistan–Afghanistan border clashes, the TTP and counter-terrorism cooperation",
  outlet: "UPSC model answer (coaching site)",
  publishedAt: "2025",
  text: [
    "This note summarises a coaching-site model answer to a Mains question on how recent clashes on the Pakistan–Afghanistan border destabilise bilateral ties and complicate counter-terrorism cooperation. Its introduction calls the border volatile because it is porous and crossed by militant networks and ideological bonds, and it names the TTP as the main destabilising force since the Taliban came back in 2021.",
    "On bilateral relations it makes five arguments. First, the TTP shares an ideology with the Afghan Taliban, so Kabul hesitates to move against it and Islamabad's distrust grows. Second, the TTP uses Afghan territory as a sanctuary for attacks inside Pakistan, which invites Pakistani retaliation; the example given is the Pakistani air strikes of October 2025 on Kabul, Khost and Jalalabad against alleged TTP infrastructure. Third, Pakistan's post-2021 hope of a cooperative Taliban has collapsed, and Kabul's defiance and retaliation along the Durand Line have hardened diplomatic hostility. Fourth, the Taliban resist Pakistani pressure in order to appear independent and sovereign. Fifth, repeated clashes threaten trade, border security and civilians on both sides of the Durand Line.",
    "On counter-terrorism it offers four more. The two sides perceive the threat differently: Pakistan sees the TTP as an existential internal danger, the Taliban see it as an ideological partner rather than a terrorist foe. Mutual suspicion blocks intelligence-sharing and joint operations. Civilian deaths from Pakistani air strikes feed anti-Pakistan feeling and weaken cooperation. And the fighting obstructs UN and Doha-track efforts at dialogue; the example given is the escalation that coincided with the Taliban foreign minister's visit to India.",
    "Its conclusion calls for coordinated counter-terrorism, institutional border management and regular security talks, asks both sides to keep ideology apart from strategy, and proposes the UN or the Shanghai Cooperation Organisation (SCO) as forums for mediation.",
  ].join("\n\n"),
};

const dw: Material = {
  id: NOTE_DW,
  title: "Four years of Taliban rule: the TTP's revival and Pakistan's internal security",
  source: "Taliban regime deepens Pakistan's internal security woes (news analysis)",
  outlet: "DW",
  publishedAt: "2025-08-14",
  text: [
    "Written four years after the Taliban seized Kabul in August 2021, this DW analysis argues that Pakistan was hit especially hard by the takeover. The Taliban's victory encouraged several armed movements in Pakistan: the TTP, ISKP (the local branch of the Islamic State) and Baloch separatists. Safdar Sial of the Pak Institute for Peace Studies (PIPS), an Islamabad think tank, says the TTP and ISKP have stepped up attacks in Khyber Pakhtunkhwa, while the Baloch Liberation Army has grown more capable and strikes both soldiers and Chinese nationals linked to the Belt and Road Initiative. In his words Pakistan has become \"the new hub of militant activity\", with a rising threat also from the group led by Hafiz Gul Bahadur, a TTP faction that used to attack only in Afghanistan.",
    "Before 2020 the TTP had been battered by Pakistani military operations, above all Operation Zarb-e-Azb, and by US drone strikes that killed its leaders. Its splinter factions were driven across the border into the Afghan provinces of Kunar, Nangarhar and Khost. PIPS data show fatalities falling from 2,451 in 1,717 attacks in 2013 to 220 in 146 attacks in 2020. The US–Taliban peace talks of 2020 revived the group: from July 2020, factions that had split away since 2014 rejoined it, drawing support from al-Qaida affiliates. After August 2021 attacks grew more frequent and deadlier, and by 2024 violence was back at the levels of 2015 and earlier. A UN report of July 2025 said the TTP gets \"logistical and operational support\" from the Taliban authorities.",
    "Islamabad-based analyst Tahir Khan blames the strain in relations on Kabul's failure to act against the TTP. Pakistan has answered with cross-border air strikes on suspected TTP sanctuaries in eastern Afghanistan, but Kabul-based researcher Hazrat Ali warns that a crackdown forced by Islamabad could split the Taliban and push TTP members towards ISKP. Since September 2023 Pakistan has also expelled more than 1 million Afghan refugees and tightened trade curbs on its landlocked neighbour, which relies on Pakistani ports.",
    "A tentative thaw followed in 2025: visits by Ishaq Dar (called deputy foreign minister by DW) in April and Interior Minister Mohsin Naqvi in July, plus lower tariffs and easier border control for Afghans. Still, Pakistan, which swiftly recognised the earlier Taliban regime in 1996, has not recognised the present one, although Russia has become the first and so far only country to do so. Khan notes that Islamabad has not even raised its chargé d'affaires in Kabul to the rank of ambassador, mainly because of the TTP.",
  ].join("\n\n"),
};

const gasam: Material = {
  id: NOTE_GASAM,
  title: "The Taliban's inaction on the TTP and the search for a regional response",
  source: "Op-ed by Dr Khuram Iqbal on the Taliban's inaction against the TTP and regional responses",
  outlet: "GASAM (South Asia Strategic Research Center)",
  publishedAt: "2025",
  text: [
    "In this op-ed the terrorism scholar Dr Khuram Iqbal argues that terrorism in Pakistan has surged since the Taliban's 2021 takeover. He reports a 72% rise in terrorism in 2024: of 521 attacks, 95% took place in Khyber Pakhtunkhwa and Balochistan, the two provinces that border Afghanistan. The Tehrik-e-Taliban Pakistan, the largest contributor, and its alleged front Tehrik-e-Jihad Pakistan have become more active, lethal and sophisticated, and Islamabad believes the Taliban government's logistical and financial backing lies behind this growth.",
    "Pakistan keeps reminding the Taliban of their counter-terrorism pledges under the Doha Agreement, without result, and Iran, Tajikistan and China share its worry. A report by the UN Analytical Support and Sanctions Monitoring Team found the Taliban's relationship with senior al-Qaida figures \"remains strong\" and the Taliban \"generally sympathetic to TTP aims\". In September 2024, meeting on the margins of the UN General Assembly, China, Russia, Iran and Pakistan voiced concern about ISIL, al-Qaida, the Eastern Turkestan Islamic Movement (ETIM), the TTP, Jaish ul-Adl and the Balochistan Liberation Army (BLA). Within weeks, gunmen who crossed from Afghanistan attacked Chinese staff at a mining project in Tajikistan, killing one and wounding four.",
    "In December 2024 Pakistan bombed militant hideouts in Afghanistan's Barmal district. The Taliban information minister replied by calling the TTP \"guests, friends\" whom Afghans are pledged to protect, and told Pakistan to \"learn from the defeat of three superpowers\".",
    "Iqbal explains Kabul's stance as ideology overriding pragmatism: the Taliban, now a government, need stability and are at odds with ISKP, which thrives on chaos, whereas the TTP's shared ideology strengthens rather than threatens them. Pakistan, which backed the Taliban through two decades of insurgency and serves as Afghanistan's economic lifeline, has used up its leverage through temporary trade embargoes and the repatriation of Afghan refugees. Iran, by contrast, is gaining ground: it shares an enemy with the Taliban in ISKP and is investing more, and the Taliban have put $35 million into Chabahar to reduce their dependence on Pakistan.",
    "China is urging Pakistan and Afghanistan to talk and has led a trilateral consultation mechanism with Pakistan and Iran. Iqbal expects Pakistan, the Central Asian states, Russia and China eventually to craft a collective security strategy, and urges Pakistan to build economic interdependence, for instance by extending the China–Pakistan Economic Corridor (CPEC) into Afghanistan, while holding that the onus to honour counter-terrorism commitments lies with the Taliban.",
  ].join("\n\n"),
};

/** The five notes, in the order of the source files (000–004). */
export const ttpNotes: readonly Material[] = [cna, ft, model, dw, gasam];
