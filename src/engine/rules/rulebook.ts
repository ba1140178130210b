// The rulebook: every rule the machines apply, with a one-line summary in the three shipped
// languages and its source. The machines name their guards by these ids, the decision records
// cite them, docs/model.md's table is generated from this list, and the game's glossary reads it.
// Rules N1–N7 and S1–S7 are ../shared/domain/alliance-rules.md; C1–C6 are
// ../shared/domain/csto-and-calibration.md; L1–L2 exist only in the design lab.

export interface RuleText {
  en: string;
  ru: string;
  kk: string;
}

export interface RuleEntry {
  /** Which alliance's texts the rule comes from ('lab': the design lab, no real alliance). */
  alliance: 'nato' | 'sco' | 'csto' | 'lab';
  title: RuleText;
  summary: RuleText;
  source: string;
}

export const RULEBOOK = {
  N1: {
    alliance: 'nato',
    title: { en: 'Article 4 consultation', ru: 'Консультации по статье 4', kk: '4-бап бойынша консультациялар' },
    summary: {
      en: 'Any ally that feels threatened can request consultations; the request alone convenes the North Atlantic Council, and it obliges nobody to act.',
      ru: 'Любой союзник, ощущающий угрозу, может запросить консультации; одного запроса достаточно, чтобы собрать Североатлантический совет, и он никого не обязывает действовать.',
      kk: 'Қауіп сезінген кез келген одақтас консультация сұрай алады; Солтүстік Атлант кеңесін шақыру үшін сұраудың өзі жеткілікті, ол ешкімді әрекет етуге міндеттемейді.',
    },
    source: 'North Atlantic Treaty, Art. 4; NATO, "The consultation process and Article 4"',
  },
  N2: {
    alliance: 'nato',
    title: { en: 'Consensus in the Council', ru: 'Консенсус в Совете', kk: 'Кеңестегі консенсус' },
    summary: {
      en: 'Every Council decision needs consensus: one objection blocks it. Under the silence procedure a text passes unless someone breaks silence, so abstaining does not block.',
      ru: 'Каждое решение Совета требует консенсуса: одно возражение его блокирует. По процедуре молчания текст принимается, если никто не нарушил молчание, поэтому воздержание не блокирует.',
      kk: 'Кеңестің әр шешімі консенсусты қажет етеді: бір қарсылық оны бұғаттайды. Үнсіздік рәсімі бойынша ешкім үнсіздікті бұзбаса, мәтін қабылданады, сондықтан қалыс қалу бұғаттамайды.',
    },
    source: 'NATO, "Consensus decision-making at NATO"; France breaking silence, Feb 2003 (CRS RL31801)',
  },
  N3: {
    alliance: 'nato',
    title: { en: 'Article 5 collective defence', ru: 'Коллективная оборона по статье 5', kk: '5-бап бойынша ұжымдық қорғаныс' },
    summary: {
      en: 'The Council invokes Article 5 by consensus against an armed attack from outside; until the attack is attributed, the invocation stays conditional.',
      ru: 'Совет задействует статью 5 консенсусом в ответ на вооружённое нападение извне; пока нападение не атрибутировано, решение остаётся условным.',
      kk: 'Кеңес 5-бапты сырттан жасалған қарулы шабуылға жауап ретінде консенсуспен іске қосады; шабуылдың атрибуциясы анықталғанша шешім шартты күйде қалады.',
    },
    source: 'North Atlantic Treaty, Art. 5; NAC statements of 12 Sep and 2 Oct 2001',
  },
  N4: {
    alliance: 'nato',
    title: { en: 'Each ally chooses its help', ru: 'Каждый союзник сам выбирает помощь', kk: 'Әр одақтас көмегін өзі таңдайды' },
    summary: {
      en: 'Under Article 5 each ally takes "such action as it deems necessary": the obligation binds, its form is national. National choices never go to the Council.',
      ru: 'По статье 5 каждый союзник предпринимает «такие действия, какие сочтёт необходимыми»: обязательство связывает, его форма национальна. Национальные решения в Совет не передаются.',
      kk: '5-бап бойынша әр одақтас «өзі қажет деп санайтын әрекетті» жасайды: міндеттеме байлайды, ал оның түрі ұлттық. Ұлттық шешімдер Кеңеске жіберілмейді.',
    },
    source: 'North Atlantic Treaty, Art. 5; NATO press release of 4 Oct 2001 (eight measures)',
  },
  N5: {
    alliance: 'nato',
    title: { en: 'Integrated command', ru: 'Объединённое командование', kk: 'Біріккен қолбасшылық' },
    summary: {
      en: 'SACEUR plans only after the Council authorises it; once defence plans are activated, pre-assigned forces move without a new decision and are ready within days.',
      ru: 'SACEUR планирует только с разрешения Совета; после активации планов обороны заранее выделенные силы выдвигаются без нового решения и готовы за несколько дней.',
      kk: 'SACEUR тек Кеңес рұқсат бергеннен кейін жоспарлайды; қорғаныс жоспарлары іске қосылғаннан кейін алдын ала бөлінген күштер жаңа шешімсіз қозғалып, бірнеше күнде дайын болады.',
    },
    source: 'NATO Allied Reaction Force (July 2024): deploys within 10 days of SACEUR’s order',
  },
  N6: {
    alliance: 'nato',
    title: { en: 'Cyber and hybrid case by case', ru: 'Кибер- и гибридные атаки: в каждом случае отдельно', kk: 'Кибер және гибридтік шабуылдар: әр жағдай бөлек' },
    summary: {
      en: 'Whether a cyber or hybrid attack reaches Article 5 is decided case by case; below the cumulative threshold the case must be made positively, so silence is not enough.',
      ru: 'Достигает ли кибер- или гибридная атака уровня статьи 5, решается в каждом случае отдельно; ниже накопительного порога нужна явная поддержка, молчания недостаточно.',
      kk: 'Кибер немесе гибридтік шабуылдың 5-бапқа жететіні әр жағдайда бөлек шешіледі; жинақталған шектен төмен болса, айқын қолдау керек, үнсіздік жеткіліксіз.',
    },
    source: 'Wales Summit Declaration 2014 §72; Brussels 2021 §32; Washington 2024',
  },
  N7: {
    alliance: 'nato',
    title: { en: 'What Article 4 meetings bring', ru: 'Чем заканчиваются заседания по статье 4', kk: '4-бап отырыстарының нәтижесі' },
    summary: {
      en: 'Most Article 4 meetings end with a statement; after a serious military threat, with broad support, they move the alliance’s posture.',
      ru: 'Большинство заседаний по статье 4 заканчиваются заявлением; после серьёзной военной угрозы и при широкой поддержке они меняют военную позицию альянса.',
      kk: '4-бап бойынша отырыстардың көбі мәлімдемемен аяқталады; ауыр әскери қауіптен кейін, кең қолдау болса, альянстың әскери ұстанымы өзгереді.',
    },
    source: 'NAC 24 Feb 2022 (defence plans activated); Operation Eastern Sentry, Sep 2025',
  },
  S1: {
    alliance: 'sco',
    title: { en: 'Consensus without objection', ru: 'Консенсус при отсутствии возражений', kk: 'Қарсылық болмаған жағдайдағы консенсус' },
    summary: {
      en: 'SCO bodies decide by agreement without a vote: a decision passes if no member state objects; abstaining or staying out blocks nothing.',
      ru: 'Органы ШОС принимают решения путём согласования без голосования: решение принято, если ни одно государство-член не возражает; воздержание или неучастие ничего не блокирует.',
      kk: 'ШЫҰ органдары дауыс бермей келісу арқылы шешеді: бірде-бір мүше мемлекет қарсы болмаса, шешім қабылданады; қалыс қалу немесе қатыспау ештеңені бұғаттамайды.',
    },
    source: 'SCO Charter, Art. 16; statement of 14 Jun 2025 without India',
  },
  S2: {
    alliance: 'sco',
    title: { en: 'One objection blocks a joint text', ru: 'Одно возражение блокирует совместный текст', kk: 'Бір қарсылық бірлескен мәтінді бұғаттайды' },
    summary: {
      en: 'A single objection blocks a joint text; the fallback is no text, or a paragraph that names only the states that endorse it.',
      ru: 'Одно возражение блокирует совместный текст; запасной путь — без текста или абзац, где названы только поддержавшие государства.',
      kk: 'Бір қарсылық бірлескен мәтінді бұғаттайды; балама жол — мәтінсіз қалу немесе тек қолдаған мемлекеттер аталған абзац.',
    },
    source: 'Qingdao defence ministers, 25–26 Jun 2025; Belt and Road paragraphs without India',
  },
  S3: {
    alliance: 'sco',
    title: { en: 'Suspension', ru: 'Приостановление членства', kk: 'Мүшелікті тоқтата тұру' },
    summary: {
      en: 'Suspending or expelling a member state needs the consensus of all the others.',
      ru: 'Приостановление или исключение государства-члена требует консенсуса всех остальных.',
      kk: 'Мүше мемлекетті тоқтата тұру немесе шығару үшін қалғандарының бәрінің консенсусы керек.',
    },
    source: 'SCO Charter, Art. 13',
  },
  S4: {
    alliance: 'sco',
    title: { en: 'No mutual-defence clause', ru: 'Нет положения о взаимной обороне', kk: 'Өзара қорғаныс туралы ереже жоқ' },
    summary: {
      en: 'An attack on a member state brings consultation and coordination, never an obligation to assist; help between member states is bilateral, outside the organisation.',
      ru: 'Нападение на государство-член ведёт к консультациям и координации, но не к обязанности помогать; помощь между государствами-членами двусторонняя, вне организации.',
      kk: 'Мүше мемлекетке шабуыл консультация мен үйлестіруге әкеледі, бірақ көмектесу міндетін тудырмайды; мүше мемлекеттер арасындағы көмек ұйымнан тыс, екіжақты.',
    },
    source: 'SCO Charter; Treaty on Long-Term Good-Neighbourliness 2007 (consultation only)',
  },
  S5: {
    alliance: 'sco',
    title: { en: 'Disputes between member states stay off the agenda', ru: 'Споры государств-членов не выносятся на повестку', kk: 'Мүше мемлекеттер арасындағы даулар күн тәртібіне шығарылмайды' },
    summary: {
      en: 'SCO bodies do not take up a dispute between two member states; the parties meet on the sidelines.',
      ru: 'Органы ШОС не рассматривают спор двух государств-членов; стороны встречаются в кулуарах.',
      kk: 'ШЫҰ органдары екі мүше мемлекет арасындағы дауды қарамайды; тараптар кулуарда кездеседі.',
    },
    source: 'India–China after Galwan 2020; India–Pakistan 2025',
  },
  S6: {
    alliance: 'sco',
    title: { en: 'RATS coordinates, commands nothing', ru: 'РАТС координирует, но не командует', kk: 'ШЫҰ ӨТҚҚ үйлестіреді, бірақ басқармайды' },
    summary: {
      en: 'The Regional Anti-Terrorist Structure is a standing body that shares information and schedules drills within days; it has no forces of its own.',
      ru: 'Региональная антитеррористическая структура — постоянный орган, который за несколько дней организует обмен информацией и учения; своих сил у неё нет.',
      kk: 'ШЫҰ Өңірлік терроризмге қарсы құрылымы — бірнеше күнде ақпарат алмасуды және жаттығуларды ұйымдастыратын тұрақты орган; өз күштері жоқ.',
    },
    source: 'Agreement on RATS, 2002; RATS staff about two dozen',
  },
  S7: {
    alliance: 'sco',
    title: { en: 'Interested member states go ahead', ru: 'Заинтересованные государства-члены действуют сами', kk: 'Мүдделі мүше мемлекеттер өздері әрекет етеді' },
    summary: {
      en: 'An extraordinary meeting needs two member states to call it and the others’ consent; members not interested in a project do not stop the others from carrying it out.',
      ru: 'Внеочередное заседание созывают два государства-члена с согласия остальных; незаинтересованные государства-члены не мешают другим осуществлять проект.',
      kk: 'Кезектен тыс отырысты екі мүше мемлекет қалғандарының келісімімен шақырады; мүдделі емес мемлекеттер басқаларға жобаны жүзеге асыруға кедергі келтірмейді.',
    },
    source: 'Regulations on the SCO Council of Foreign Ministers; SCO Charter, Art. 16',
  },
  C1: {
    alliance: 'csto',
    title: { en: 'Consultations at once', ru: 'Незамедлительные консультации', kk: 'Кідіріссіз консультациялар' },
    summary: {
      en: 'When a member state faces a threat to its security, territorial integrity or sovereignty, the members consult at once.',
      ru: 'При угрозе безопасности, территориальной целостности или суверенитету государства-члена государства-члены незамедлительно консультируются.',
      kk: 'Мүше мемлекеттің қауіпсіздігіне, аумақтық тұтастығына немесе егемендігіне қауіп төнсе, мүше мемлекеттер кідіріссіз кеңеседі.',
    },
    source: 'Collective Security Treaty 1992, Art. 2',
  },
  C2: {
    alliance: 'csto',
    title: { en: 'Mutual defence', ru: 'Взаимная оборона', kk: 'Өзара қорғаныс' },
    summary: {
      en: 'Aggression against one member state is aggression against all: the others give it the help it needs, military help included.',
      ru: 'Агрессия против одного государства-члена — агрессия против всех: остальные оказывают ему необходимую помощь, включая военную.',
      kk: 'Бір мүше мемлекетке қарсы агрессия — бәріне қарсы агрессия: қалғандары оған қажетті көмекті, соның ішінде әскери көмекті көрсетеді.',
    },
    source: 'Collective Security Treaty 1992, Art. 4',
  },
  C3: {
    alliance: 'csto',
    title: { en: 'The Collective Security Council decides by consensus', ru: 'Совет коллективной безопасности решает консенсусом', kk: 'Ұжымдық қауіпсіздік кеңесі консенсуспен шешеді' },
    summary: {
      en: 'The Council of heads of state decides by consensus and can meet at short notice, online.',
      ru: 'Совет коллективной безопасности (главы государств) принимает решения консенсусом и может собраться в кратчайший срок, в том числе в режиме онлайн.',
      kk: 'Ұжымдық қауіпсіздік кеңесі (мемлекет басшылары) консенсуспен шешеді және қысқа мерзімде, соның ішінде онлайн, жиналады.',
    },
    source: 'CSTO Charter, Art. 12–13; extraordinary online session of 13 Sep 2022',
  },
  C4: {
    alliance: 'csto',
    title: { en: 'Collective forces deploy on a Council decision', ru: 'Коллективные силы вводятся по решению Совета', kk: 'Ұжымдық күштер Кеңес шешімімен енгізіледі' },
    summary: {
      en: 'The Collective Rapid Reaction Force and the peacekeeping forces deploy on the Council’s decision, within a day when the Council wants it.',
      ru: 'Коллективные силы оперативного реагирования и миротворческие силы вводятся по решению Совета, за сутки, если Совет этого хочет.',
      kk: 'Ұжымдық жедел әрекет ету күштері мен бітімгершілік күштер Кеңестің шешімімен, Кеңес қаласа, бір тәулікте енгізіледі.',
    },
    source: 'Kazakhstan, 5–6 Jan 2022: request at night, chair’s statement within hours, first forces on 6 Jan',
  },
  C5: {
    alliance: 'csto',
    title: { en: 'Unrest as aggression', ru: 'Беспорядки как агрессия', kk: 'Тәртіпсіздік агрессия ретінде' },
    summary: {
      en: 'Internal unrest counts as aggression when it is framed as the work of terrorists trained abroad, as in Kazakhstan in 2022; otherwise it does not.',
      ru: 'Внутренние беспорядки считаются агрессией, если их представляют как дело обученных за рубежом террористов, как в Казахстане в 2022 году; иначе — нет.',
      kk: 'Ішкі тәртіпсіздік шетелде дайындалған террористердің ісі ретінде көрсетілсе, агрессия болып саналады (2022 жылғы Қазақстан); әйтпесе — жоқ.',
    },
    source: 'Kazakhstan Jan 2022 (forces); Osh 2010 and Armenia 2021–22 (none)',
  },
  C6: {
    alliance: 'csto',
    title: { en: 'Clashes between member states: calls for calm', ru: 'Столкновения государств-членов: призывы к спокойствию', kk: 'Мүше мемлекеттер қақтығысы: сабырға шақыру' },
    summary: {
      en: 'A clash between two member states is not answered with force; the secretariat and the chair call for calm.',
      ru: 'На столкновение двух государств-членов не отвечают силой; секретариат и председатель призывают к спокойствию.',
      kk: 'Екі мүше мемлекет қақтығысына күшпен жауап берілмейді; хатшылық пен төраға сабырға шақырады.',
    },
    source: 'Kyrgyzstan–Tajikistan border clashes, Apr 2021 and Sep 2022',
  },
  L1: {
    alliance: 'lab',
    title: { en: 'Majority vote', ru: 'Голосование большинством', kk: 'Көпшілік дауыспен шешу' },
    summary: {
      en: 'Design lab: a decision passes when more member states support it than object; no real alliance decides on security this way.',
      ru: 'Лаборатория: решение принимается, если поддерживающих больше, чем возражающих; ни один реальный альянс так не решает вопросы безопасности.',
      kk: 'Зертхана: қолдайтындар қарсылардан көп болса, шешім қабылданады; бірде-бір нақты альянс қауіпсіздік мәселесін бұлай шешпейді.',
    },
    source: 'Design choice for the alliance design lab',
  },
  L2: {
    alliance: 'lab',
    title: { en: 'Forum shifting', ru: 'Перенос решения в другой орган', kk: 'Шешімді басқа органға ауыстыру' },
    summary: {
      en: 'A decision blocked by objectors is taken again in a body they do not sit in, as NATO did through the Defence Planning Committee on 16 Feb 2003.',
      ru: 'Решение, заблокированное возражающими, принимается заново в органе, где их нет, как НАТО сделала через Комитет военного планирования 16 февраля 2003 года.',
      kk: 'Қарсылар бұғаттаған шешім олар жоқ органда қайта қабылданады: НАТО 2003 жылғы 16 ақпанда Қорғанысты жоспарлау комитеті арқылы осылай істеді.',
    },
    source: 'NATO Defence Planning Committee, 16 Feb 2003 (dissolved 2010); design lab',
  },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULEBOOK;

export const RULE_IDS = Object.keys(RULEBOOK) as RuleId[];

export function ruleEntry(id: RuleId): RuleEntry {
  return RULEBOOK[id];
}
