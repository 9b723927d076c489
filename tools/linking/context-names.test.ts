import { describe, expect, it } from 'vitest';
import { contextNames } from './context-names';

/** Names found by where they stand (tools/linking/context-names.ts); `linked` are spans of KB names. */
const found = (text: string, language: string, linked: string[] = []) => {
  const spans = linked.map((w): [number, number] => [text.indexOf(w), text.indexOf(w) + w.length]);
  const taken = (s: number, e: number) => spans.some(([a, b]) => a < e && s < b);
  return contextNames(text, 0, language, spans, taken).map((n) => n.name).sort();
};

describe('names by where they stand', () => {
  it('takes the sources a Chinese sentence is attributed to, not a description or a clause', () => {
    expect(found('綜合路透與法新社報導,西方國家害怕', 'zh-Hant')).toEqual(['法新社', '路透']);
    expect(found('。白宫说明,双方于美东时间', 'zh')).toEqual(['白宫']);
    expect(found('。美国媒体报导,消息人士表示', 'zh')).toEqual([]);
    expect(found('。拜登向习近平表示', 'zh')).toEqual([]);
  });

  it('takes what is joined or visited in Chinese and Japanese', () => {
    expect(found('他说乌克兰会加入欧盟,这一点', 'zh', ['乌克兰'])).toEqual(['欧盟']);
    expect(found('首相は来月ロンドンを訪問する', 'ja')).toEqual(['ロンドン']);
  });

  it('takes Japanese sources, credits and dotted katakana names', () => {
    expect(found('ロイター通信によると、', 'ja')).toEqual(['ロイター']);
    expect(found('モスクワで撮影。クレムリン提供(2020年 ロイター)', 'ja', ['モスクワ'])).toEqual(['クレムリン', 'ロイター']);
    expect(found('ウラジーミル・プーチン大統領は', 'ja')).toEqual(['ウラジーミル・プーチン']);
  });

  it('takes a word listed beside a linked name, but not a predicate before a comma', () => {
    expect(found('注目されている。中国やインドがロシアと', 'ja', ['中国', 'ロシア'])).toEqual(['インド']);
    expect(found('「米国の影響力は低下、中国と', 'ja', ['米国', '中国'])).toEqual([]);
  });

  it('takes Korean sources and a place after its state, not generic sources', () => {
    expect(found('멕시코 일간지 레포르마와 밀레니오 등에 따르면 검찰은', 'ko', ['멕시코'])).toEqual(['레포르마', '밀레니오']);
    expect(found('이라고 밀레니오는 전했습니다.', 'ko')).toEqual(['밀레니오']);
    expect(found('외교 소식통에 따르면 조 장관은', 'ko')).toEqual([]);
    expect(found('과나후아토주 레온을 출발해', 'ko')).toEqual(['레온']);
  });
});
