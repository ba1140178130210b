// The validator's messages in Russian (term base: ../shared/design/terms.md). Field names, keys
// and values stay as written in the file; the schema's English field descriptions are left out.
import type { Params } from '../problem';
import type { MessageCode, Template } from './en';
import type { Render } from './index';

const didYouMean = (p: Params, r: Render) => (p.near ? ` (может быть, имелось в виду "${r(p.near)}"?)` : '');
const cmp: Record<string, string> = { min: 'не меньше', minExclusive: 'больше', max: 'не больше', maxExclusive: 'меньше' };
const small = (p: Params) => p.cmp === 'min' || p.cmp === 'minExclusive';
const json = (v: unknown) => JSON.stringify(String(v ?? ''));

/** A YAML syntax error by the parser's code, in words; the parser's own text is English. */
const yamlError: Record<string, string> = {
  BAD_INDENT: 'неверный отступ',
  TAB_AS_INDENT: 'отступ сделан табуляцией; в YAML отступы делаются только пробелами',
  MISSING_CHAR: 'не хватает знака (закрывающей скобки, кавычки или двоеточия)',
  UNEXPECTED_TOKEN: 'неожиданный элемент',
  BAD_SCALAR_START: 'значение не может начинаться с этого знака; заключите его в кавычки',
  BLOCK_AS_IMPLICIT_KEY: 'ключ не может быть многострочным блоком',
  MULTILINE_IMPLICIT_KEY: 'ключ должен помещаться на одной строке (не хватает двоеточия или кавычки?)',
  BAD_DQ_ESCAPE: 'неверная escape-последовательность в тексте в двойных кавычках',
  BLOCK_IN_FLOW: 'внутри скобок { } или [ ] нельзя писать блок с отступами',
  KEY_OVER_1024_CHARS: 'ключ длиннее 1024 знаков',
  BAD_ALIAS: 'неверный псевдоним',
  DUPLICATE_KEY: 'ключ повторяется',
};

export const ru: Record<MessageCode, Template> = {
  'file.tooLarge': () => 'файл больше 1 000 000 байт (1 МБ); сценарий гораздо меньше, поэтому разделите его или уберите лишнее',
  'file.empty': (p, r) => `файл пуст; сценарий — это набор полей, который начинается с \`formatVersion: ${r(p.version)}\``,
  'file.manyDocuments': () => 'в файле больше одного документа YAML (строка `---`); в файле сценария должен быть один',
  'file.notMapping': (p, r) => `верхний уровень должен быть набором полей (\`formatVersion: ${r(p.version)}\`, \`id: ...\`, ...), а не ${r(p.got)}`,
  'file.internal': () =>
    'проверка этого файла не удалась из-за ошибки в самой программе проверки, не обязательно в файле; сообщите о ней, приложив файл',
  'file.aliasExpansion': () => 'псевдонимы YAML раскрываются слишком далеко; выпишите значения вместо псевдонимов',
  'file.bareCr': () =>
    'строки этого файла заканчиваются одним символом возврата каретки (CR, как в старых Mac OS), который не все программы чтения YAML считают концом строки; сохраните файл с окончаниями строк LF или CRLF',
  'file.utf16': (p, r) => `файл в кодировке ${r(p.encoding)}; сохраните его в UTF-8 (с меткой порядка байтов или без неё) — файлы сценариев пишутся только в UTF-8`,
  'file.notUtf8': () => 'файл не в кодировке UTF-8; сохраните его в UTF-8',
  'file.nul': () => 'в файле есть символ NUL, значит, это не текстовый файл; сохраните сценарий как текст в UTF-8',
  'read.missing': () => 'не удаётся прочитать файл: такого файла нет; проверьте путь',
  'read.directory': () => 'не удаётся прочитать файл: это папка; укажите файлы сценариев в ней',
  'read.permission': () => 'не удаётся прочитать файл: нет прав доступа',
  'read.other': (p, r) => `не удаётся прочитать файл: ${r(p.detail)}`,
  moreProblems: (p, r) => `и ещё проблем дальше: ${r(p.count)}; исправьте те, что выше, и проверьте файл снова`,

  tooDeep: (p, r) => `вложенность глубже ${r(p.max)} уровней; сценарию нужно гораздо меньше, проверьте здесь скобки и отступы`,
  tooDeepAlias: (p, r) =>
    `вложенность глубже ${r(p.max)} уровней, если раскрыть псевдоним *${r(p.alias)}; сценарию нужно гораздо меньше, проверьте здесь скобки и отступы`,
  mappingTooLarge: (p, r) => `в наборе полей ключей: ${r(p.count)}; допускается не больше ${r(p.max)}, а сценарию нужно гораздо меньше`,
  listTooLong: (p, r) => `в списке элементов: ${r(p.count)}; допускается не больше ${r(p.max)}, а сценарию нужно гораздо меньше`,
  aliasTooMany: (p, r) =>
    `слишком много использований псевдонимов (у *${r(p.alias)}): допускается не больше ${r(p.max)}, причём псевдонимы внутри раскрываемой части считаются при каждом её использовании; выпишите значения`,
  aliasUnknown: (p, r) => `неизвестный псевдоним *${r(p.alias)}: определите якорь &${r(p.alias)} до его использования или выпишите значение`,
  aliasCycle: (p, r) => `псевдоним *${r(p.alias)} ссылается на значение, которое его содержит, и раскрывается бесконечно; выпишите значение`,
  keyNotPlain: () => 'ключ должен быть простым именем, а не списком, набором полей или псевдонимом',
  keyForbidden: (p, r) => `ключ "${r(p.key)}" нигде в сценарии не допускается (он может изменить то, как программы читают данные); удалите его`,
  policyNameForbidden: (p, r) =>
    `"${r(p.key)}" не может быть названием стратегии: программы, читающие данные, придают ему особый смысл, поэтому так не может называться ни один ключ сценария; переименуйте стратегию (например, "historical" или "textbook")`,

  duplicateKey: (p) => `ключ ${json(p.key)} повторяется: в наборе полей каждый ключ может встречаться только один раз; удалите или переименуйте один из них`,
  syntax: (p, r) => {
    const what = yamlError[String(p.yaml)] ?? 'текст не читается как YAML';
    const token = p.token !== undefined ? `: ${json(p.token)}` : '';
    const bracket = p.bracket ? ` (не закрыта скобка "${r(p.bracket)}" в строке ${r(p.line)}, столбец ${r(p.column)})` : '';
    return `синтаксическая ошибка YAML: ${what}${token}${bracket}; проверьте здесь отступы, скобки и кавычки`;
  },

  missingField: (p, r) => `нет обязательного поля "${r(p.name)}"${p.how ? `; добавьте \`${r(p.name)}:\` и ${r(p.how)}` : ''}`,
  wrongType: (p, r) => `ожидается ${r(p.expected)}, а здесь ${r(p.got)}${p.how ? `; ${r(p.how)}${r(p.hint)}` : ''}`,
  unknownFeature: (p, r) => `неизвестная особенность "${r(p.name)}"${didYouMean(p, r)}; особенности: ${r(p.features)}`,
  splitText: (p, r) =>
    `неизвестное поле "${r(p.name)}": внутри \`{ ... }\` запятая заканчивает значение, поэтому текст оборвался на этой запятой, а остаток прочитан как имя поля; заключите весь текст в кавычки или напишите поле на отдельной строке без фигурных скобок`,
  unknownFieldNear: (p, r) => `неизвестное поле "${r(p.name)}": может быть, имелось в виду "${r(p.near)}"?`,
  unknownField: (p, r) =>
    `неизвестное поле "${r(p.name)}": удалите его${Array.isArray(p.known) && p.known.length > 0 ? `; здесь допускаются поля ${r(p.known)}` : ''}`,
  formatNewer: (p, r) =>
    `версия формата ${r(p.value)} новее той, что читает эта игра (${r(p.version)}); обновите Alliance Crisis Lab или возьмите сценарий в формате ${r(p.version)}`,
  formatUnknown: (p, r) =>
    `формата сценария ${r(p.value)} не существует; напишите ${r(p.version)} (файлы в формате 1 тоже читаются, а \`crisis-lab migrate\` обновляет их)`,
  mustBe: (p, r) => `должно быть ${r(p.allowed)}, а здесь ${r(p.got)}; напишите ${r(p.allowed)}`,
  notAllowed: (p, r) => `${r(p.value)} — недопустимое значение${didYouMean(p, r)}. Допустимые: ${r(p.allowed)}`,
  listSize: (p, r) =>
    `число элементов должно быть ${cmp[String(p.cmp)]} ${r(p.bound)}, а их ${r(p.count)}; ${small(p) ? 'добавьте недостающие' : 'уберите лишние'}`,
  textEmpty: () => 'не может быть пустым; напишите текст',
  textLength: (p, r) =>
    `длина текста должна быть ${cmp[String(p.cmp)]} ${r(p.bound)} знаков, а в нём ${r(p.count)}; ${small(p) ? 'удлините' : 'сократите'} его`,
  numberBound: (p, r) => `должно быть ${cmp[String(p.cmp)]} ${r(p.bound)}, а здесь ${r(p.got)}${p.how ? `; ${r(p.how)}${r(p.hint)}` : ''}`,
  badFormat: (p, r) => `${r(p.got)} не подходит: ${r(p.rule)}${didYouMean(p, r)}`,
  badKey: (p, r) => `ключ ${json(p.key)} не подходит: ${r(p.rule)}`,
  badEntry: () => 'недопустимый элемент; сверьтесь с scenarios/schema.json',
  schemaOther: (p, r) => `недопустимое значение${p.how ? `; ${r(p.how)}` : ''}`,

  'rule.stateId': () => 'идентификатор государства — от 2 до 16 заглавных латинских букв, цифр или _, первым идёт буква (например, "POL")',
  'rule.iso3': () => 'код ISO 3166-1 alpha-3 — три заглавные латинские буквы',
  'rule.eventId': () => 'идентификатор события — строчные латинские буквы, цифры и дефисы',
  'rule.scenarioId': () => 'идентификатор сценария — строчные латинские буквы, цифры и дефисы',
  'rule.ruleSetId': () => 'название свода правил — от 1 до 32 строчных латинских букв, цифр и дефисов (например, "nato" или "nato-majority")',
  'rule.ruleSetKey': () => 'название свода правил — от 1 до 32 строчных латинских букв, цифр и дефисов (например, "nato-majority")',
  'rule.policyName': () => 'название стратегии — от 1 до 32 строчных латинских букв, цифр и дефисов (например, "historical")',
  'rule.key': () => 'такой ключ не допускается',

  'how.number': (p, r) => {
    const kind = p.int ? 'целое число' : 'число';
    if (p.min !== undefined && p.max !== undefined) return `напишите ${kind} от ${r(p.min)} до ${r(p.max)}`;
    if (p.min !== undefined) return `напишите ${kind} не меньше ${r(p.min)}`;
    if (p.max !== undefined) return `напишите ${kind} не больше ${r(p.max)}`;
    return `напишите ${kind}`;
  },
  'how.text': () => 'напишите текст',
  'how.boolean': () => 'напишите true или false',
  'how.oneOf': (p, r) => `напишите одно из: ${r(p.values)}`,
  'how.literal': (p, r) => `напишите ${r(p.values)}`,
  'how.mapping': (p, r) =>
    Array.isArray(p.fields) && p.fields.length > 0 ? `напишите набор полей ${r(p.fields)}` : 'напишите набор полей (ключ: значение)',
  'how.record': () => 'напишите набор пар «ключ: значение»',
  'how.list': () => 'напишите список (`[a, b]` или по одному `- элемент` на строке)',
  'how.other': () => 'что здесь допускается, описано в scenarios/schema.json',
  'hint.percent': (p, r) => `; для ${r(p.n)}\u00a0% напишите ${r(p.share)}`,

  'kind.number': () => 'число',
  'kind.int': () => 'целое число',
  'kind.text': () => 'текст',
  'kind.boolean': () => 'true или false',
  'kind.mapping': () => 'набор полей',
  'kind.list': () => 'список',

  'value.nothing': () => 'пусто',
  'value.text': (p) => `текст ${json(p.text)}`,
  'value.quoted': (p) => json(p.text),
  'value.number': (p, r) => `число ${r(p.n)}`,
  'value.boolean': (p, r) => r(p.b),
  'value.list': () => 'список',
  'value.mapping': () => 'набор полей',
  'value.other': (p, r) => r(p.type),
  'got.list': () => 'список',
  'got.single': (p, r) => `одно значение (${r(p.value)})`,
  'got.alias': () => 'псевдоним',

  unknownState: (p, r) =>
    `неизвестное государство "${r(p.id)}" ${r(p.role)}${didYouMean(p, r)}; используйте идентификатор из \`states\` (${r(p.states)}) или добавьте государство с этим идентификатором`,
  'role.threat': () => 'в восприятии угрозы',
  'role.threatOrGroup': (p, r) => `в восприятии угрозы (или группировка-противник "${r(p.group)}")`,
  'role.ties': () => 'в связях',
  'role.members': () => 'среди государств-членов альянса',
  'role.tabledBy': () => 'как государство-член, вносящее проект',
  'role.player': () => 'в качестве государства игрока',
  'role.adversary': () => 'в качестве противника (kind: state); для негосударственного противника напишите `kind: group`',
  'role.base': () => 'в качестве базы противника',
  'role.place': () => 'в качестве места события',
  'role.parties': () => 'среди сторон события',
  duplicateState: (p, r) => `идентификатор государства "${r(p.id)}" повторяется: у каждого государства свой идентификатор; переименуйте или удалите одно`,
  memberTwice: (p, r) => `"${r(p.id)}" указано дважды; укажите каждое государство-член один раз`,
  playerNotMember: (p, r) =>
    `государство игрока "${r(p.id)}" не входит в альянс; добавьте его в alliance.members или выберите одно из ${r(p.members)}`,
  adversaryIsMember: (p, r) =>
    `противник "${r(p.id)}" — государство-член альянса, а альянс не может совещаться против своего же государства-члена; уберите его из alliance.members, а для столкновения двух государств-членов используйте событие \`kind: member-clash\``,
  groupIsState: (p, r) =>
    `идентификатор группировки "${r(p.id)}" совпадает с идентификатором государства, поэтому \`threat\` и \`ties\` по отношению к нему можно понять двояко; дайте группировке свой идентификатор (например, "${r(p.id)}_GROUP") или напишите \`kind: state\`, если противник — это государство`,
  noObjectives: () => 'нужна хотя бы одна цель с ненулевым весом (например, `cohesion: 0.5`); баллы считаются по целям',
  zeroWeight: (p, r) =>
    `вес 0 ничего не добавляет к баллам; ${p.none ? 'ни у одной цели ещё нет веса, а баллы считаются по целям: задайте этой цели вес' : 'удалите эту цель или задайте ей вес'} от -1 до 1 (больше нуля — игрок хочет большего, меньше нуля — меньшего), например \`${r(p.key)}: 0.5\``,
  groupNeedsName: () =>
    'у группировки-противника должно быть название, которое игроки читают в новостях и в разборе (название государства берётся из `states`, а у группировки его там нет); добавьте `name: { en: ... }` в adversary',
  ruleListedTwice: (p, r) => `свод правил "${r(p.name)}" указан дважды; укажите каждый один раз`,
  unknownRuleSet: (p, r) =>
    `неизвестный свод правил "${r(p.name)}"${didYouMean(p, r)}; своды правил: ${r(p.names)}; используйте один из них или определите "${r(p.name)}" в \`ruleSets\``,
  ruleSetIsPreset: (p, r) =>
    `"${r(p.name)}" — название готового свода правил, и оно всегда означает сам этот свод; дайте своему своду правил другое название (например, "${r(p.name)}-lab")`,
  unknownBase: (p, r) => `неизвестный свод правил "${r(p.name)}"; своды правил: ${r(p.names)}${didYouMean(p, r)}`,
  baseLoop: (p, r) =>
    `свод правил "${r(p.name)}" определён через самого себя (${Array.isArray(p.chain) ? p.chain.join(' → ') : ''}); постройте один из них на готовом своде (${r(p.presets)})`,
  'lab.majorityNeedsVote': (p, r) =>
    `свод правил "${r(p.name)}": decisionRule "majority" требует органа, который голосует: задайте council "assembly" (${r(p.council)} решает без голосования)`,
  'lab.assemblyVotes': (p, r) => `свод правил "${r(p.name)}": council "assembly" голосует: задайте decisionRule "majority"`,
  'lab.conditionalNeedsCommitment': (p, r) =>
    `свод правил "${r(p.name)}": attribution "conditional" требует оборонительного обязательства, которое можно обусловить: задайте commitment "deems-necessary" или "automatic"`,
  'lab.integratedNeedsCommitment': (p, r) =>
    `свод правил "${r(p.name)}": при command "integrated" есть заранее утверждённые планы обороны, а им нужно оборонительное обязательство: задайте commitment "deems-necessary" или "automatic"`,
  'lab.foreignTrainedNeedsCommitment': (p, r) =>
    `свод правил "${r(p.name)}": unrest "foreign-trained" считает беспорядки агрессией в рамках оборонительного обязательства: задайте commitment "deems-necessary" или "automatic"`,
  'lab.other': (p, r) => `свод правил "${r(p.name)}" нельзя сыграть: его особенности несовместимы`,
  scriptedNotMember: (p, r) =>
    `"${r(p.id)}" не входит в альянс, а на предложения отвечают только государства-члены${didYouMean(p, r)}; задайте позиции одного из ${r(p.members)}`,
  duplicateEvent: (p, r) => `идентификатор события "${r(p.id)}" повторяется: у каждого события свой идентификатор; переименуйте одно`,
  eventNeedsTiming: () => 'нужно либо `at: <ход>` (событие по сценарию), либо `chance: { probability, from, to }` (случайное событие)',
  eventBothTimings: () => 'у события бывает либо `at`, либо `chance`, но не оба; удалите одно',
  eventAfterHorizon: (p, r) => `ход ${r(p.turn)} позже горизонта (${r(p.horizon)}); укажите ход от 1 до ${r(p.horizon)} или увеличьте \`horizon\``,
  probabilityZero: () =>
    'вероятность 0 значит, что событие никогда не произойдёт; задайте вероятность больше 0 (например, 0.1 — 10\u00a0% на каждом ходу окна) или удалите событие',
  windowReversed: (p, r) => `окно начинается (${r(p.from)}) позже, чем заканчивается (${r(p.to)}); \`from\` должно быть не больше \`to\``,
  windowAfterHorizon: (p, r) =>
    `ход ${r(p.from)} позже горизонта (${r(p.horizon)}), поэтому событие никогда не произойдёт; начните окно с хода от 1 до ${r(p.horizon)} или увеличьте \`horizon\``,
  windowEndsAfterHorizon: (p, r) =>
    `ход ${r(p.to)} позже горизонта (${r(p.horizon)}), а игра на горизонте заканчивается, так что ходы после него никогда не разыгрываются; закончите окно на \`to: ${r(p.horizon)}\` или увеличьте \`horizon\``,
  attributionAboveMax: (p, r) =>
    `начальная уверенность (${r(p.initial)}) выше её \`max\` (${r(p.max)}), поэтому игра начала бы с ${r(p.max)}; уменьшите \`initial\` или увеличьте \`max\``,
  partiesNotClash: (p, r) =>
    `\`parties\` читается только для member-clash, а у этого события \`kind: ${r(p.kind)}\`; удалите \`parties\` или сделайте событие \`kind: member-clash\``,
  clashNeedsParties: () => 'событию member-clash нужно `parties: [A, B]` — два разных государства-члена альянса',
  clashSameParties: (p, r) => `обе стороны — "${r(p.id)}"; назовите два разных государства-члена альянса`,
  clashPlaceNotParty: (p, r) =>
    `member-clash происходит на земле одной из сторон, но "${r(p.place)}" не входит в число его сторон (${r(p.a)}, ${r(p.b)}); задайте \`place\`: ${r(p.a)} или ${r(p.b)}, либо назовите ${r(p.place)} в \`parties\``,
  clashPartyNotMember: (p, r) => `"${r(p.id)}" не входит в альянс; member-clash — это столкновение государств-членов (${r(p.members)})`,
  policyBuiltIn: (p, r) =>
    `"${r(p.name)}" — название встроенной стратегии игрока (${r(p.builtIns)}), поэтому \`--policy ${r(p.name)}\` сыграет встроенную, а не эту; переименуйте стратегию (например, "historical" или "textbook")`,
  policyTurnAfterHorizon: (p, r) => `ход ${r(p.turn)} позже горизонта (${r(p.horizon)}); укажите ход от 1 до ${r(p.horizon)} или удалите его`,
  policyTurnTwice: (p, r) =>
    `ход ${r(p.turn)} указан в стратегии "${r(p.policy)}" дважды (впервые в turns[${r(p.first)}]), а разыгрывается только первый; соберите все намерения этого хода в один список \`intents\``,
  intentTwice: (p, r) => `"${r(p.intent)}" указано на ходу ${r(p.turn)} дважды; намерение выполняется не больше одного раза за ход, укажите его один раз`,
  motionByPlayer: (p, r) => `"${r(p.by)}" — государство игрока: его запросы пишутся в \`intents\`; предложение в повестку вносит другое государство-член или председатель`,
  motionByOutsider: (p, r) =>
    `"${r(p.by)}" не входит в альянс; предложение в повестку вносит государство-член (${r(p.members)}) или "chair"`,
  duplicateSitting: (p, r) => `идентификатор заседания "${r(p.id)}" повторяется: у каждого заседания календаря должен быть свой идентификатор; переименуйте одно из них`,
  tablerNotMember: (p, r) => `"${r(p.id)}" не входит в альянс; проект вносит государство-член (${r(p.members)})`,
  unknownEventRef: (p, r) => `неизвестное событие "${r(p.id)}"${didYouMean(p, r)}; используйте идентификатор из \`events\` (${r(p.events)})`,
  motionNationalChoice: (p, r) =>
    `"${r(p.intent)}" — национальное решение, а не запрос к альянсу; предложение в повестку просит у альянса consult, collective-defence, joint-statement, ct-cooperation или suspend-member`,
};
