// Cue stems of the default topics (issue 22): words that point to a topic without being keywords
// an organisation would list ("привезли", "дозвониться", "crushed"). They feed the topic model
// as one feature per topic (`cue`); a cue matches a word or its stem by prefix, like the lexicon.
// Like the lexicon, every cue must match some TRAINING text (leakage.test.ts). The second list of
// each topic is general vocabulary added with the train-only supplement (topic-train-supplement).
const list = (s: string) => s.split('|');

export const TOPIC_CUES: Record<string, string[]> = {
  delivery: [
    ...list(
      'привез|довез|доставл|доставк|курьер|отгруз|отправ|посылк|груз|трек|приех|прие|' +
        'достав|водител|экспедитор|склад|поставк|заказ|shipping|ship|dispatch|deliver|' +
        'parcel|arriv|driver|courier|came|brought|custom|showed|slot',
    ),
    ...list(
      'задерж|опозд|транспорт|пункт выдачи|самовывоз|перевоз|грузовик|отслежив|' +
        'сортировоч|адрес|получили|transit|track|delay|pickup|truck|address|package|' +
        'shipment',
    ),
  ],
  billing_documents: [
    ...list(
      'счет|списа|спис|оплат|плат|деньг|возврат|акт|документ|чек|реквизит|договор|' +
        'фактур|накладн|пени|бухгалтер|выписк|комисс|charg|refund|invoic|bill|payment|' +
        'paid|receipt|contract|statement|money|fine|vat|accounting',
    ),
    ...list('квитанц|double charg|возвра|копия договора|copy of the invoice|signed document'),
  ],
  quality: [
    ...list(
      'качеств|гнил|брак|слом|трещ|треснут|царап|облез|разва|несвеж|холодн|вмятин|' +
        'полиня|дефект|оригинал|потек|продува|ремонт|quality|rotten|crack|stain|peel|' +
        'fell apart|fresh|tast|cold|soggy|crush|defect|dead pixel|leak|dirty|expir|smell|' +
        'copi|repair|crook',
    ),
    ...list(
      'пригор|сыр|плесен|промока|ржав|отвалил|шумит|греется|скрип|шата|облуп|воня|вкусн|' +
        'свеж|прочн|надежн|хлипк|заряд|burnt|raw|mould|mold|rust|came off|noisy|overheat|' +
        'shrank|wobbl|squeak|smelled|delicious|sturdy|durabl|flimsy|batteri|chip|scratch|' +
        'zip|испорч|поврежд|разбит|скол|некачеств|порва|выцве|сломал|невкусн|пересол|скис|' +
        'протек|течет|грязн|пятн|на совесть|damag|broke|spoil|stale|tore|torn|faulty|' +
        'workmanship|poor|stopped working|solid|sour|salty|bitter|tasteless',
    ),
  ],
  communication: [
    ...list(
      'дозвон|звон|ответ|отвеча|связ|письм|чат|поддержк|мессендж|телеграм|молча|игнорир|' +
        'сообщен|курс|новост|reach|repli|answer|respond|call|email|chat|support|phone|' +
        'silent|hotlin|touch|pick up|bot|ignor',
    ),
    ...list(
      'перезвон|обращени|заявк|трубк|предупред|на связи|колл-центр|hold|get through|' +
        'inform|ticket|unanswer|told us|responsive',
    ),
  ],
  price: [
    ...list(
      'цен|дорог|дешев|стоимост|скидк|подорож|выгодн|акци|переплат|стоит|деньг|' +
        'вдвое меньш|абонемент|price|pricey|expens|cheap|cost|discount|valu|afford|paid|' +
        'half as much|charg',
    ),
    ...list('тариф|завыш|fee|overpa|дорож|subscription|deal'),
  ],
  staff: [
    ...list(
      'менеджер|сотрудник|оператор|вежлив|хам|груб|нагруб|мастер|врач|доктор|' +
        'администратор|консультант|медсестр|официант|охранник|инструктор|грузчик|' +
        'бухгалтер|куратор|инженер|кассир|сборщик|спасибо водител|юрист|staff|rude|polit|' +
        'friendli|employe|technician|doctor|receptionist|agent|nurs|waiter|rep|assembl|' +
        'girl|cashier',
    ),
    ...list(
      'парикмахер|стоматолог|горничн|портье|бариста|повар|сантехник|электрик|преподават|' +
        'учител|тренер|экскурсовод|гид|диспетчер|риелтор|фармацевт|механик|нотариус|' +
        'логист|охран|сотрудниц|продавщиц|кассирш|ресепшен|компетент|профессионал|' +
        'отзывчив|равнодуш|приветлив|любезн|hairdresser|dentist|housekeeper|concierge|' +
        'bartender|chef|plumber|electrician|lawyer|teacher|coach|tour guide|dispatcher|' +
        'pharmacist|mechanic|clerk|front desk|reception|sales rep|courteous|arrogant|' +
        'knowledgeabl|competent|profession|продав|персонал|специалист|salesperson|' +
        'personnel|specialist|team member|manager|unprofessional',
    ),
  ],
  product: [
    ...list(
      'приложен|сайт|интерфейс|кабинет|функци|обновлен|отчет|систем|программ|интеграц|' +
        'вылета|уведомлен|онлайн|поиск|настройк|телефон|app|website|interfac|dashboard|' +
        'featur|export|csv|system|softwar|crash|freez|button|notif|browser|safari|kiosk|' +
        'onlin|search|camera|down',
    ),
    ...list(
      'пароль|страниц|загруж|кнопк|синхрониз|глюк|верси|фильтр|форма|меню|api|интуитив|' +
        'password|page|load|respond on|sync|glitch|version|filter|form|portal|upload|menu|' +
        'navigat|intuitiv|tool|войти|log in|тормоз|buggy|bug|checkout|зависа|падает|' +
        'приложени|account',
    ),
  ],
  onboarding: [
    ...list(
      'подключ|внедрен|обучен|настройк|инструкц|демо|запуск|старт|вебинар|заняти|доступ|' +
        'новичк|куратор|onboard|train|setup|set up|demo|go-live|migrat|rollout|webinar|' +
        'class|getting started|guid|doc|access|signing up',
    ),
    ...list('перенос данных|tutorial|вводн|new users|implement|обучени|session'),
  ],
};
