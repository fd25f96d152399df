import { describe, expect, it } from 'vitest';
import { htmlToText, stripQuotedReply } from './reply-text.ts';

describe('stripQuotedReply', () => {
  it.each<[string, string, string]>([
    ['plain text stays', 'Курьер опоздал на два дня', 'Курьер опоздал на два дня'],
    [
      '"> " quotes go',
      'Спасибо, всё понятно.\n\n> Мы получили ваш отзыв\n> Ссылка',
      'Спасибо, всё понятно.',
    ],
    [
      'Gmail ru attribution',
      'Заказ так и не пришёл.\n\nпн, 23 нояб. 2026 г. в 10:00, ClientLoop <noreply@cx.example.ru>:\n> Мы получили',
      'Заказ так и не пришёл.',
    ],
    [
      '"пишет:" attribution',
      'Жду ответа.\n\n23.11.2026, 10:00, "Ромашка" <noreply@cx.example.ru> пишет:\n> текст',
      'Жду ответа.',
    ],
    [
      'Yandex "писал(а)" style with name',
      'Да, удобно завтра.\n\nИван Петров пишет:\nстарый текст',
      'Да, удобно завтра.',
    ],
    [
      'Outlook ru header block',
      'Проблема осталась.\n\nОт: ClientLoop <noreply@cx.example.ru>\nОтправлено: 23 ноября 2026 г. 10:00\nКому: ivan@example.ru\nТема: Мы получили ваш отзыв',
      'Проблема осталась.',
    ],
    ['Russian original message separator', 'Ок\n-----Исходное сообщение-----\nстарое', 'Ок'],
    [
      'English original message separator',
      'Thanks!\n\n-----Original Message-----\nFrom: x',
      'Thanks!',
    ],
    [
      'English "On … wrote:"',
      'The parcel is still missing.\n\nOn Mon, 23 Nov 2026 at 10:00, ClientLoop <noreply@example.com> wrote:\n> We received your feedback',
      'The parcel is still missing.',
    ],
    [
      'English attribution wrapped over two lines',
      'Still broken.\n\nOn Mon, 23 Nov 2026 at 10:00, ClientLoop\n<noreply@example.com> wrote:\n> old',
      'Still broken.',
    ],
    [
      'Outlook en header block after a rule',
      'Fine now.\n________________________________\nFrom: ClientLoop\nSent: Monday\nTo: jane@example.com',
      'Fine now.',
    ],
    ['signature separator', 'Всё хорошо\n-- \nИван, ООО Ромашка', 'Всё хорошо'],
    [
      'a lone "From:" line in the client\'s own words stays',
      'From: my side everything works.\nThanks',
      'From: my side everything works.\nThanks',
    ],
    ['nothing but a quote leaves nothing', '> quoted only\n> more', ''],
    ['CRLF line ends', 'Привет\r\n\r\n> старое\r\n', 'Привет'],
  ])('%s', (_why, input, expected) => {
    expect(stripQuotedReply(input)).toBe(expected);
  });
});

describe('htmlToText', () => {
  it.each<[string, string, string]>([
    [
      'paragraphs and breaks become lines',
      '<p>Курьер опоздал</p><p>Второй&nbsp;абзац<br>строка</p>',
      'Курьер опоздал\nВторой абзац\nстрока',
    ],
    [
      'scripts and styles vanish',
      '<style>p{color:red}</style><script>alert(1)</script><div>Текст</div>',
      'Текст',
    ],
    [
      'entities decode',
      '<p>&laquo;Ромашка&raquo; &amp; Co &#8212; &#x41;</p>',
      '«Ромашка» & Co — A',
    ],
    [
      'blockquotes become quotes the cut-off removes',
      '<div>Ответ</div><blockquote type="cite"><p>Старое письмо</p></blockquote>',
      'Ответ\n\n> Старое письмо',
    ],
  ])('%s', (_why, html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });

  it('gives, with the cut-off, only the reply of an HTML mail', () => {
    const html =
      '<div dir="ltr">It works now, thanks.</div><br><div class="gmail_quote"><div>On Mon, 23 Nov 2026 at 10:00, ClientLoop wrote:</div><blockquote><p>We received your feedback</p></blockquote></div>';
    expect(stripQuotedReply(htmlToText(html))).toBe('It works now, thanks.');
  });
});
