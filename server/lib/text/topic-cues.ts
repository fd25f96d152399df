// Cue stems of the default topics (issue 22): words that point to a topic without being keywords
// an organisation would list ("привезли", "дозвониться", "crushed"). They feed the topic model
// as one feature per topic (`cue`); a cue matches a word or its stem by prefix, like the lexicon.
// Like the lexicon, every cue must match some TRAINING text (leakage.test.ts). The second list of
// each topic is general vocabulary added with the train-only supplement (topic-train-supplement),
// the third list the vocabulary of the second supplement (topic-train-supplement-2, issue 22's
// third session): everyday words for each topic, written without reading the test split.
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
    ...list(
      'везли|привоз|прилет|прибыл|доехал|доехат|фура|перевозчик|контейнер|паллет|границ|' +
        'таможн|багаж|подъезд|под дверью|в руки|вручи|недовоз|недовлож|позже|раньше срока|' +
        'в срок|логистик|маршрут|рейс|комплектац|пересорт|недостач|van|carrier|container|' +
        'pallet|border|luggage|baggage|doorstep|porch|on time|behind schedule|turned up|' +
        'got here|reached|landed|freight|consignment|logistic|shipped|post office|' +
        'missing item|wrong address|received',
    ),
  ],
  billing_documents: [
    ...list(
      'счет|списа|спис|оплат|плат|деньг|возврат|акт|документ|чек|реквизит|договор|' +
        'фактур|накладн|пени|бухгалтер|выписк|комисс|charg|refund|invoic|bill|payment|' +
        'paid|receipt|contract|statement|money|fine|vat|accounting',
    ),
    ...list('квитанц|double charg|возвра|копия договора|copy of the invoice|signed document'),
    ...list(
      'снял|сняли|списан|дважды|кэшбэк|кешбэк|перевод|платеж|неустойк|автопродлен|начисл|' +
        'задолженн|баланс|лицев|закрывающ|сверк|инвойс|налог|ндс|рассрочк|транзакц|бумаг|' +
        'debit|credited|transfer|cashback|renew|overdue|balance|tax|paperwork|deposit|' +
        'withdraw|instal|chargeback|transaction|twice',
    ),
    ...list('выплат|payout|paid out|залог|сертификат|waybill|показани|meter reading|lease'),
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
    ...list(
      'просел|пузыр|жестк|по шву|развод|крив|неровн|мят|кисл|нагрева|выключа|заеда|оторва|' +
        'завя|отклеи|перепута|плотн|поцарап|отколот|гудит|сгор|болит|полос|прогорк|черств|' +
        'жирн|пресн|недовар|недожар|пересуш|липк|рассыпа|погнут|деформ|лопн|выгор|катышк|' +
        'растяну|размок|протух|тухл|сгни|заплесн|вздул|искрит|барахл|sag|bubbl|tough|seam|' +
        'uneven|bruis|jam|snap|wilt|unglu|mixed up|neat|hum|burn|squeal|bland|soak|greasy|' +
        'undercook|overcook|bent|warp|shatter|fade|stretch|flicker|spark|malfunction|worn|' +
        'fray|mushy|watery|sloppy|shoddy|botch|cheaply made|lukewarm|dry',
    ),
    ...list('хрип|crackl|порез|подделк|fake|влажн|damp|ниже заявлен|advertised'),
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
    ...list(
      'занято|линии|музык|сбросил|связал|сообщил|в курсе|шаблон|переключ|горяч|пишу|' +
        'написал|откликн|обратной связи|уведомил|известил|оповещ|достуча|автоответчик|' +
        'недозвон|тишин|busy|get hold|got back|get back|hear back|heard back|posted|' +
        'transferred|canned|told|voicemail|callback|message|whatsapp|contact|ghost|' +
        'black hole|reply',
    ),
  ],
  price: [
    ...list(
      'цен|дорог|дешев|стоимост|скидк|подорож|выгодн|акци|переплат|стоит|деньг|' +
        'вдвое меньш|абонемент|price|pricey|expens|cheap|cost|discount|valu|afford|paid|' +
        'half as much|charg',
    ),
    ...list('тариф|завыш|fee|overpa|дорож|subscription|deal'),
    ...list(
      'льгот|смет|бюджет|наценк|накрут|промокод|ценник|доплат|копейк|разор|грабеж|кусают|' +
        'обдиралов|по карману|за свои деньги|окуп|выгод|бесплатн|платн|прайс|расценк|perk|' +
        'estimate|budget|surcharge|markup|promo|full price|overpriced|worth|penny|ripoff|' +
        'bargain|rates',
    ),
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
    ...list(
      'улыб|хамств|хамск|накрича|кричал|нахами|грубиян|грубил|терпел|терпени|внимательн|' +
        'заботлив|слаженн|бригад|девушк|парень|женщин|мужчин|работник|невнимат|навязыв|впари|' +
        'обсчита|пьян|некомпетент|опытн|знающ|толков|учтив|тактичн|бестактн|высокомер|' +
        'надменн|снисходит|пренебреж|доброжелат|улыбчив|чутк|smile|greet|shout|yell|patient|' +
        'patience|attentive|caring|crew|guy|lady|gentleman|worker|condescend|pushy|' +
        'shortchang|drunk|insult|honest|helpful|experienced|incompetent|clueless|grumpy|' +
        'welcoming|hospitabl|respectful|disrespect|dismissive|patroni|attitude|behav|host|' +
        'advisor|assistant|consultant|porter|steward|flight attendant',
    ),
    ...list(
      'монтажник|installer|бортпроводник|cabin crew|проводник|conductor|руководител|ветеринар|vet|провизор|билетер|usher|агент|estate agent|repairman|thoughtful',
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
    ...list(
      'релиз|скачат|выгруз|белый экран|недоступ|пуш|корзин|виджет|смс|код подтвержд|' +
        'терминал|банкомат|мобильн|логин|авторизац|баг|release|download|blank screen|offline|' +
        'cart|dark mode|widget|verification code|sms|terminal|atm|mobile|crm|sign in|loading|' +
        'lag|laggy|push message',
    ),
  ],
  onboarding: [
    ...list(
      'подключ|внедрен|обучен|настройк|инструкц|демо|запуск|старт|вебинар|заняти|доступ|' +
        'новичк|куратор|onboard|train|setup|set up|demo|go-live|migrat|rollout|webinar|' +
        'class|getting started|guid|doc|access|signing up',
    ),
    ...list('перенос данных|tutorial|вводн|new users|implement|обучени|session'),
    ...list(
      'разобрат|с чего начать|переход|перенест|учетк|учетную запись|скомкан|первичн|' +
        'регистрац|памятк|пошагов|новых пользоват|первый вход|первого вход|запустил|освоит|' +
        'освоени|адаптац|туториал|видеоурок|figure out|where to begin|moving over|' +
        'walked us through|permission|first login|up and running|newcomer|beginner|new hire|' +
        'registration|basics|learning curve|walkthrough|kickoff',
    ),
    ...list('подсказ|hints|signed up'),
  ],
};
