// Texts of the unsubscribe page (/unsubscribe/{token}, issue 15), ru and en. Part of the one
// server catalogue (../catalogue.ts); en must have exactly the keys of ru.

const ru = {
  unsubscribe: {
    title: 'Отписка от уведомлений',
    question: 'Больше не присылать вам уведомления от {{org}}?',
    stops:
      'Вы перестанете получать сообщения о ходе ваших обращений, об их решении и приглашения к опросам. Если вы сами напишете нам, мы по-прежнему подтвердим, что письмо получено.',
    button: 'Отписаться',
    done: 'Готово: {{org}} больше не будет присылать вам уведомления.',
    already: 'Вы уже отписаны от уведомлений {{org}}.',
    again: 'Чтобы снова получать уведомления, напишите нам — менеджер восстановит подписку.',
    invalidTitle: 'Ссылка недействительна',
    invalid: 'Эта ссылка не подходит для отписки. Ничего не изменено.',
  },
};

const en: typeof ru = {
  unsubscribe: {
    title: 'Unsubscribe from notifications',
    question: 'Stop sending you notifications from {{org}}?',
    stops:
      'You will no longer receive updates on your requests, their resolution, or survey invitations. If you write to us yourself, we will still confirm that your message arrived.',
    button: 'Unsubscribe',
    done: 'Done: {{org}} will no longer send you notifications.',
    already: 'You are already unsubscribed from notifications of {{org}}.',
    again: 'To receive notifications again, write to us and a manager will restore them.',
    invalidTitle: 'This link is not valid',
    invalid: 'This link cannot be used to unsubscribe. Nothing was changed.',
  },
};

export const unsubscribeTexts = { ru, en };
