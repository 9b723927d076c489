/**
 * Paragraphs that a page's markup puts inside the article but that are not its text: image
 * captions and credits, "read also" and related-link lines, subscribe/follow/share calls,
 * social-media embeds, e-mail and copyright lines, repeated bylines and datelines, and end
 * markers. Each rule names a kind and applies to short paragraphs only (a sentence of prose
 * that starts "Follow us" is rare; a 400-character paragraph that does is text), so the filter
 * errs toward keeping. The phrases are the ones newsrooms print, per language.
 */
export type JunkKind = 'read-also' | 'caption' | 'credit' | 'call-to-action' | 'social-embed' | 'contact' | 'copyright' | 'dateline' | 'end-marker' | 'repeat' | 'label';

const LABEL = 60;

/** An author's note: a name, then "is a/an" and who they are (lives, writes, covers, a native, a graduate). */
const AUTHOR_NOTE = /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,2} is an? (?:[\p{L}-]+ ){0,6}(?:native|writer|journalist|reporter|correspondent|editor|author|contributor|columnist|freelancer|graduate|blogger)\b.*\b(?:lives?|living|writes?|covers?|based|husband|wife|children|sons?|daughters?)\b/u;

const SHORT = 160;

const REPORTED = /\b(?:said|says|told|according to)\b/iu;

const RULES: Array<[JunkKind, RegExp, number]> = [
  ['read-also', new RegExp(String.raw`^[\s\-–—•*>|(\[]*(?:इसे भी पढ़ें|इसे भी पढ़े|ये भी पढ़ें|ये भी पढ़े|यह भी पढ़ें|ये पढ़ें|और पढ़ें|पढ़ें\s*[:-]|also read|read also|read more|more from|related(?: stories| articles| news)?\s*[:|]|see also|must read|recommended|trending|you may also like|you might also like|more great [\w ]{1,30} stories|more stories|loading content|lire aussi|à lire aussi|sur le même sujet|a lire aussi|lire plus|lesen sie auch|mehr zum thema|auch interessant|weiterlesen|leggi anche|leggi l'articolo|leia também|leia mais|veja também|lea también|te puede interesar|관련\s?기사|추천\s?기사|こちらも読まれています|関連記事|あわせて読みたい|延伸閱讀|延伸阅读|相關新聞|相关新闻|相關閱讀|相关阅读|推薦閱讀|推荐阅读|更多新聞|更多新闻|同場加映|同场加映)`, 'iu'), SHORT * 2],
  ['caption', /^[\s(]*(?:图像来源|圖像來源|图像加注文字|圖像加註文字|图片来源|圖片來源|image source|image caption|photo(?: credit)?\s*[:：]|picture\s*:|pictured\s*:|file photo|foto\s*:|bild\s*:|crédit photo|crédits? ?:|사진\s*[=:]|사진제공|\[사진|\(사진|写真\s*[:：]|写真は|資料圖片|资料图片|\(photo|\(foto|\(image)/iu, SHORT],
  // A photographer's credit closing a caption: "（盧君朗攝/資料圖片）", "＝…撮影".
  ['caption', /(?:[（(][^（()）]{1,20}[攝摄][^（()）]{0,12}[)）]|＝[^＝]{1,60}撮影)\s*$/u, SHORT],
  // Agency and reporting credits: "(Reporting by ...; Editing by ...)", "This report by The Canadian Press was first published ...", "X contributed reporting from Y".
  ['credit', /^[\s(]*(?:(?:additional )?reporting by|writing by|editing by|compiled by|this report by .{1,40} was first published|[\p{L}\s.,'’-]{1,200} contributed (?:reporting|to this report)|[\p{Lu}][\p{L}'’-]+ reported from [\p{L}\s,.-]{1,60}\.?$)/iu, 400],
  // A wire credit on its own line: "Agencies", "PTI", "Staff Reports".
  ['credit', /^(?:agencies|agency|pti|ians|ani|afp|ap|reuters|dpa|staff reports?|wire services?|with agency inputs|with inputs from agencies)$/iu, 40],
  ['caption', /(?:getty images|\bafp\b|\breuters\b|\bap photo\b|\bpti\b|\bani\b|shutterstock|istock|\bimago\b|\bdpa\b|picture alliance|연합뉴스|뉴시스|뉴스1)\s*[)\]]?\s*$/iu, 90],
  ['call-to-action', /(?:advertisement|story continues below|terms of (?:service|use)|privacy policy|cookie|bereits registriert|jederzeit kündbar|plus-inhalte|dans la rubrique|\.\.\.more|manage my|subscribe|sign up|follow us|follow @|watch us live|download (?:the|our) app|click here|tap here|share this|share on|share it with|tell us what you think|newsletter|join our|get the latest|get breaking news|download the [\w ]{1,40} app|create an account|sign in to|register for|reserved for subscribers|disclaimer\s*:|this post may contain affiliate|affiliate commission|télécharge[zr]|abonnez|abonnieren|folgen sie|구독|좋아요|報料|报料|チャンネル登録|有料会員|有料記事|読み放題|続きをお読み|북마크|이 기사 어땠나요|訂閱|订阅|追蹤|关注我们|फॉलो करें|सब्सक्राइब|डाउनलोड करें)/iu, SHORT],
  // Disclaimers and channel promotions that run long: "(Disclaimer: Recommendations ...)", "... is now on Telegram".
  ['call-to-action', /^[\s(]*disclaimer\s*:/iu, 800],
  ['call-to-action', /\bis now on (?:telegram|whatsapp)\b|for (?:the )?fastest news alerts/iu, 400],
  // A pointer to more coverage elsewhere: "Follow AP's full coverage of Brexit at https://apnews.com/Brexit".
  ['call-to-action', /^follow\b.{1,100}\bhttps?:\/\/\S+$/iu, 300],
  ['social-embed', /(?:pic\.twitter\.com|twitter\.com\/|x\.com\/\w+\/status|instagram\.com\/|a post shared by|view this post on instagram|youtube\.com\/|youtu\.be\/|facebook\.com\/|— .{1,60}\(@\w+\)|\(@\w+\) \w+ \d{1,2}, \d{4})/iu, 400],
  ['contact', /^[^\s@]{0,40}\s*(?:기자\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[)\]]?$|^(?:e-?mail|email us|contact us|write to us|tips?)\s*[:：]/iu, SHORT],
  ['contact', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u, 60],
  ['copyright', /^[\s<(]*(?:©|ⓒ|Ⓒ|\(c\)|copyright|all rights reserved|저작권자|무단\s?전재|版權所有|版权所有|著作権|tous droits réservés|alle rechte vorbehalten)/iu, SHORT * 2],
  ['copyright', /(?:무단\s?전재|재배포 금지|재배포금지|all rights reserved|版權所有|版权所有)/iu, SHORT],
  ['dateline', /^(?:stand|maj|le \d|am \d|\d{1,2}[./]\d{1,2}[./]\d{2,4})[^.!?。]{0,50}\d{1,2}[:h.]\d{2}[^.!?。]{0,20}$/iu, 70],
  // Lines without a letter; not a rule of underscores ("___"), the wire's break between a story's parts.
  ['label', /^(?!_{3,}$)[^\p{L}]*$/u, 40],
  // An ad slot's or a teaser's label left alone on its line: "Advert", "More", "Anzeige".
  ['label', /^(?:advert|advertisement|advertising|sponsored|more:?|don['’]t miss|caption|close|thanks for watching!?|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|광고|広告|广告|廣告|विज्ञापन)$/iu, 20],
  // A caption's credit in brackets closing it: "The plague wiped out half of Europe (Image: GETTY)".
  ['caption', /\((?:image|images|photo|photos|picture|pic|credit|foto|bild|crédit|source)\s*:\s*[^()]{1,60}\)\s*$/iu, 300],
  // Pleas and promotions that run past a line: "If you enjoyed this article, we have a proposition for you", "... delivered to your inbox".
  ['call-to-action', /\bmoderat\w* (?:all )?comments\b|\bcomments? (?:are|is) moderated\b|\bsign up for (?:the|our) (?:free )?(?:\w+ )?newsletter\b|\bfollow (?:him|her|them|us|me) on (?:twitter|facebook|instagram)\b|\bjoin our [\w ]{0,20}forums?\b|\bif you (?:enjoyed|liked|value|appreciate|found) (?:this|our) (?:article|story|journalism|reporting)\b|\b(?:meet|to|in) your inbox\b|\blisten (?:live|back) (?:here|at|on)\b/iu, 300],
  // A link or a gallery's controls printed as text: "https://www.example.com/news/...", "Image 1 of 23 Caption Close".
  ['label', /^(?:https?:\/\/\S+|image \d+ of\b.*|\d+ of \d+)$/iu, SHORT],
  // Tag lists and a publishing system's shortcodes printed as text: "Tags: ...", "[button link=...]...[/button]", "This slideshow requires JavaScript."
  ['label', /^(?:tags?\s*[:：]|\[(\w+)\b[^\]]*\].*\[\/\1\]$|this slideshow requires javascript)/iu, 300],
  // A video list's item: its running time, then its title ("3:47 Protests turn violent ...").
  ['label', /^\d{1,2}:\d{2}(?::\d{2})?\s+[^.!?。]{5,150}\??$/u, SHORT],
  // Reading time and publication lines: "3 minute read", "9 Min.", "Published Mar 29, 2023 • Last updated ...".
  ['dateline', /(?:\b\d+\s*(?:min(?:ute)?s?\.?(?: read)?|minuten? lesezeit|min\. de lecture)|\bread time\b)\s*$|^(?:published|updated)\b.{0,60}•/iu, 90],
  // A date alone, with its time: "11. April 2023, 9:02 Uhr", "April 11, 2023 9:02 AM".
  ['dateline', /^[\p{L}\s,.]{0,12}\d{1,2}\.?\s+\p{L}{3,10}\.?\s+\d{4},?\s+(?:um\s+)?\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|am|pm|h))?$|^\p{L}{3,10}\.?\s+\d{1,2},\s+\d{4},?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:am|pm)?(?:\s+\p{Lu}{2,4})?$/iu, 60],
  ['dateline', /^(?:last updated|updated|published|first published|posted|modified|publié le|mis à jour|veröffentlicht|aktualisiert|pubblicato|aggiornato|atualizado|publicado|입력|수정|更新|发布|發佈|公開|अपडेटेड|प्रकाशित)(?: on| at| le| am)?\s*[:：]?\s*[\p{N}\p{L}\s,.:/+\-–()]{0,60}$/iu, 90],
  ['dateline', /^(?:[Bb]y|BY|[Pp]ar|[Vv]on|[Dd]i|[Pp]or)\s+[\p{Lu}][\p{L}\p{N}.'’\- ]{1,60}(?:[,|/]\s*.{0,60})?$/u, 100],
  ['end-marker', /^[\s([<*-]*(?:end|ends|끝|완|完|以上|समाप्त|fin|ende|fine|fim)[\s)\]>*.-]*$/iu, 20],
];

/** The kind of junk a paragraph is, or undefined for text. */
export function junkKind(paragraph: string): JunkKind | undefined {
  const p = paragraph.trim();
  for (const [kind, re, max] of RULES) {
    // A call to action addresses the reader; a line that reports what someone said is news ("... continued to sign up subscribers, Mayer said").
    if (p.length <= max && re.test(p) && !(kind === 'call-to-action' && REPORTED.test(p))) return kind;
  }
  return undefined;
}

/**
 * The paragraphs without junk, and what was dropped. `byline`, `headline` and `section` drop their
 * repeats; a paragraph seen before (a pull quote, a caption printed twice) is dropped too.
 */
export function dropBoilerplate(paragraphs: string[], context: { headline?: string; byline?: string; section?: string; description?: string } = {}): { kept: string[]; dropped: Array<{ kind: JunkKind; text: string }> } {
  const kept: string[] = [];
  const dropped: Array<{ kind: JunkKind; text: string }> = [];
  const seen = new Set<string>();
  const key = (s?: string) => s?.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase() ?? '';
  const same = (a?: string, b?: string) => key(a) !== '' && key(a) === key(b);
  // The headline printed again behind a kicker or place ("Kirche - Halle (Saale):Semesterbeginn mit ...").
  const kickerAndHeadline = (p: string) => key(context.headline).length >= 20 && key(p).endsWith(key(context.headline)) && key(p).length - key(context.headline).length <= 60;
  for (const p of paragraphs) {
    const kind = junkKind(p) ?? (same(p, context.byline) || same(p, context.headline) || kickerAndHeadline(p) || same(p, context.section) ? 'dateline' : seen.has(p) && p.length < 400 && !/^_{3,}$/.test(p) ? 'repeat' : undefined);
    if (kind) dropped.push({ kind, text: p });
    else kept.push(p);
    seen.add(p);
  }
  // Labels and menus at either end (a section name, "Skip to content", a list of links): short
  // lines that end no sentence.
  // The wire's "___" break stays where the source puts it, at an end too (what follows it may be dropped, as a "follow our coverage" line).
  const label = (p: string | undefined) => p !== undefined && p.length < LABEL && !/\p{Sentence_Terminal}[\p{Pe}\p{Pf}"'\s]*$/u.test(p) && !/^_{3,}$/.test(p);
  // A place dateline on its own line above the first sentence ("BAAR, SWITZERLAND") starts the text (AP style: CITY, STATE in capitals).
  const placeDateline = (p: string | undefined) => p !== undefined && /^\p{Lu}[\p{Lu}\s.'’-]{1,30},\s*\p{Lu}[\p{Lu}\s.'’-]{1,30}$/u.test(p);
  // The author's note closing the page ("Regan is a Southeastern Connecticut native now living in ..."): a name, "is a", and a life, not news.
  if (kept.length > 1 && AUTHOR_NOTE.test(kept.at(-1)!) && kept.at(-1)!.length <= 400) dropped.push({ kind: 'credit', text: kept.pop()! });
  // A tag list closing the page: "Tags" (or "Topics", "Filed under") on its own line and short lines of terms after it.
  const tags = kept.findLastIndex((p) => /^(?:tags?|topics?|keywords?|filed under)\s*[:：]?$/iu.test(p.trim()));
  if (tags > 0 && kept.slice(tags).join('').length < 400 && !kept.slice(tags + 1).some((p) => /\p{Sentence_Terminal}\s*$/u.test(p))) {
    for (const text of kept.splice(tags)) dropped.push({ kind: 'label', text });
  }
  // A run of three or more such lines of which most hold a figure is data the story gives (tour dates, scores, prices), not a
  // menu; a line stamped with a clock time ("20:53 ...", "今日20:38 ...") is a list of other stories.
  const figure = (l: string) => /\p{N}/u.test(l) && !/^\P{N}{0,4}\d{1,2}:\d{2}/u.test(l);
  const run = (lines: string[]) => lines.length >= 3 && lines.filter(figure).length * 2 > lines.length;
  const trailing = kept.slice(kept.findLastIndex((p) => !label(p)) + 1);
  const leading = kept.slice(0, Math.max(0, kept.findIndex((p) => !label(p))));
  if (!run(trailing)) while (label(kept.at(-1))) dropped.push({ kind: 'label', text: kept.pop()! });
  if (!run(leading)) while (label(kept[0]) && !placeDateline(kept[0])) dropped.push({ kind: 'label', text: kept.shift()! });
  return { kept, dropped };
}
