// 令和 n 年度 for a Western fiscal year (FY2019 = 令和元年度).
function reiwa(fiscalYear: number): string {
  const year = fiscalYear - 2018;
  return year === 1 ? '令和元' : `令和${year}`;
}

// The Japanese dictionary is the source of truth: its shape defines `Messages`, so every other
// language must provide exactly the same keys (a missing or extra key is a compile error).
export const ja = {
  product: {
    name: '守り',
    latin: 'mamori',
    subtitle: '医療機関サイバーセキュリティ',
  },
  skipLink: '本文へ移動',
  nav: {
    label: 'メインメニュー',
    home: 'ホーム',
    catalog: 'チェックリスト',
    assessments: '自己点検',
    inventory: '機器台帳',
    inspections: '立入検査',
    statistics: '統計',
  },
  language: {
    label: '表示言語',
  },
  home: {
    title: '医療機関のサイバーセキュリティ対策を、毎年の点検から立入検査まで',
    lead:
      'mamori は、厚生労働省の「医療機関におけるサイバーセキュリティ対策チェックリスト」を紙や Excel ではなく、続けて使える仕組みにします。何から始めればよいか、何をしたか、どの機器が危ないかが分かり、立入検査や国の調査にもそのまま使えます。',
    audienceHeading: '使う人ごとにできること',
    clinicTitle: '診療所・薬局',
    clinicBody:
      'IT の担当者がいなくても、チェックリストを 1 項目ずつ、やさしい言葉の説明に沿って進められます。立入検査用のチェックリストを印刷できます。',
    hospitalTitle: '病院',
    hospitalBody:
      'チェックリストの回答と目標日、証拠、履歴を管理し、機器台帳と既知の脆弱性を照らし合わせて、どの機器が危ないかを確かめられます。',
    vendorTitle: 'システム事業者',
    vendorBody:
      '多くの医療機関から届くチェックリストの依頼を 1 か所で受け取り、製品ごとに一度答えて共有できます。MDS/SDS も提出できます。',
    inspectorTitle: '都道府県・保健所の検査担当者',
    inspectorBody:
      '立入検査の前に管轄の医療機関の状況を確認し、検査の記録、指摘事項、改善の依頼と期限、その後の確認まで行えます。',
    ministryTitle: '厚生労働省',
    ministryBody:
      '全国や都道府県ごとの対策状況を、項目、施設の種類、病床規模、年度ごとに集計します。少数のデータは伏せて公開できます。',
    statusNote: '各機能は順次公開します。公開前の画面には「準備中」と表示されます。',
  },
  comingSoon: {
    badge: '準備中',
    body: 'この画面は準備中です。公開後、ここでは次のことができるようになります。',
    backHome: 'ホームへ戻る',
    catalog:
      'チェックリストの各年度版（令和5年度・6年度・7年度）と様式ごとの項目、公式の番号と文言、やさしい説明、証拠として認められるもの、ガイドライン第6.0版との対応を確認できます。',
    assessments:
      'チェックリストに「はい」「いいえ」「記入不要」で回答し、確認日と目標日、証拠、履歴を記録します。1 項目ずつ進める画面と一覧表の画面を用意します。',
    inventory:
      'サーバー、パソコン、ネットワーク機器、医療機器、外部との接続点を台帳で管理し、既知の悪用された脆弱性（KEV、NVD、JVN）と照らし合わせます。',
    inspections:
      '都道府県・保健所が管轄の医療機関の状況を確認し、立入検査の記録、指摘事項、改善の依頼と期限、その後の確認を管理します。',
    statistics:
      '項目、年度、都道府県、施設の種類、病床規模ごとの集計と推移を表示し、CSV や Excel で出力します。少数のデータは伏せて表示します。',
  },
  notFound: {
    title: 'ページが見つかりません',
    body: 'お探しのページは存在しないか、移動した可能性があります。アドレスをご確認ください。',
    backHome: 'ホームへ戻る',
  },
  footer: {
    version: 'バージョン',
  },
  catalog: {
    // Shared names
    editionName: (fiscalYear: number) => `${reiwa(fiscalYear)}年度版`,
    westernYear: (fiscalYear: number) => `${fiscalYear}年度`,
    itemCount: (count: number) => `${count} 項目`,
    itemUnit: (_count: number) => '項目',
    published: '公表',
    // A date known to the day, the month or only the year.
    date: (year: number, month: number | null, day: number | null) =>
      month === null ? `${year}年` : day === null ? `${year}年${month}月` : `${year}年${month}月${day}日`,
    formsLabel: '様式',
    formTitles: {
      medical: '医療機関確認用',
      pharmacy: '薬局確認用',
      vendor: '事業者確認用',
    },
    volumes: {
      O: '概説編',
      M: '経営管理編',
      P: '企画管理編',
      C: 'システム運用編',
    },
    deviceClasses: {
      general: '医療情報システム全般',
      server: 'サーバ',
      terminal: '端末PC',
      network: 'ネットワーク機器',
    },
    confidence: {
      V: '確認済み',
      S: '二次情報',
      I: '未確認',
    },
    confidenceHelp: {
      V: '公式の資料で確認した内容です。',
      S: '公式の資料では確認できず、解説記事などの二次情報でだけ確認した内容です。',
      I: '文言または番号を推定で補っており、公式の様式とまだ照合していません。記入の前に公式の様式で確かめてください。',
    },
    englishNote: '（英語）',
    parenthesized: (text: string) => `（${text}）`,
    // Loading and errors
    loading: '読み込み中…',
    errorHeading: '表示できませんでした',
    errorNetwork: 'サーバーに接続できませんでした。院内ネットワークやインターネットの接続を確かめて、もう一度お試しください。',
    errorNotFound: 'お探しの情報は見つかりませんでした。アドレスが正しいかご確認ください。',
    errorBadRequest: '指定された条件では表示できませんでした。条件を見直してください。',
    errorServer: 'サーバーで問題が起きました。しばらくしてから、もう一度お試しください。',
    errorInvalid: 'サーバーから思いがけない応答がありました。しばらくしてから、もう一度お試しください。',
    errorDetail: 'サーバーからの説明',
    retry: 'もう一度読み込む',
    backToCatalog: 'チェックリストの一覧へ戻る',
    breadcrumb: '現在の位置',
    // /catalog
    indexTitle: 'サイバーセキュリティ対策チェックリスト',
    indexLead:
      '厚生労働省の「医療機関におけるサイバーセキュリティ対策チェックリスト」を、年度版と様式ごとに見られます。項目ごとに、公式の番号と文言、やさしい説明、証拠として残すもの、ガイドライン第6.0版の参照先を示します。',
    aboutHeading: 'チェックリストとは',
    aboutBody:
      '病院・診療所・助産所と薬局の管理者には、2023年4月から、法令でサイバーセキュリティ対策が求められています。チェックリストは、そのうち優先して取り組む対策をまとめたもので、厚生労働省が毎年度新しい版を出します。都道府県や保健所の立入検査で確認されるので、その年度の版で確認し、確認日を記入しておきます。',
    whoHeading: 'どの様式をだれが記入するか',
    whoMedical: '病院・診療所・助産所が記入します。',
    whoPharmacy: '薬局が記入します。',
    whoVendor:
      '医療機関・薬局が契約しているシステム事業者が、システム（事業者）ごとに 1 枚記入します。医療機関から事業者に依頼して記入してもらいます。事業者と契約していなければ不要です。',
    editionsHeading: '年度版と様式',
    newest: '最新',
    compareHeading: '年度版を比べる',
    compareBody: '前の年度版から追加された項目、変わった項目、変わらない項目を並べて確認できます。',
    compareLink: (from: string, to: string) => `${from}と${to}を比べる`,
    compareWithPrevious: (previous: string) => `${previous}との違い`,
    noEditions: '登録されている年度版はまだありません。',
    // /catalog/{edition}/{form}
    switcherLabel: '年度版と様式の切り替え',
    editionSwitcher: '年度版',
    formSwitcher: '様式',
    filledBy: '記入する人',
    answerColumns: '回答欄',
    answerRequired: {
      always: '必須',
      if_no: '「いいえ」のとき記入',
      optional: '任意',
    },
    legendHeading: '表示の見方',
    tools: '表示の切り替え',
    showEnglish: '英語訳も表示',
    expandAll: '説明をすべて開く',
    collapseAll: '説明をすべて閉じる',
    print: '印刷する',
    oneFormPerVendor:
      'この様式は、契約しているシステム事業者（システム）ごとに 1 枚、事業者が記入します。事業者と契約していない場合は不要です。',
    gateHeading: '最初の質問',
    gateAbsent: 'この年度版の様式には「医療情報システムの有無」の質問はありません。',
    gateAbsentInferred:
      'この年度版の様式には「医療情報システムの有無」の質問はないと考えられます（マニュアルから削除されたため。様式そのものでは未確認）。',
    gateUnknown: 'この年度版の様式に「医療情報システムの有無」の質問があったかは確認できていません。',
    gateNotRequired: '確認不要',
    gateRule: '最初の質問「医療情報システムの有無」が「いいえ」なら、この項目は確認不要です。',
    vendorRule: 'システム事業者と契約していなければ、この項目は記入不要です。',
    notRequired: '記入不要',
    target: (label: string) => `目標: ${label}`,
    targetWithin: (fiscalYear: number) => `${reiwa(fiscalYear)}年度中`,
    targetBy: (label: string, _fiscalYear: number) => label,
    detailsSummary: '説明・参照・出典',
    meaning: '意味',
    how: 'やり方',
    evidence: '証拠として残すもの',
    guidelineHeading: 'ガイドライン第6.0版の参照先',
    guidelinePrinted: 'マニュアルの表記',
    guidelineNone: 'ガイドラインの参照先は示されていません。',
    guidelineInferred: '参照先は推定です（マニュアルの表記は未確認）。',
    sourceHeading: '出典と確認の度合い',
    source: '出典',
    confidenceLabel: '確認の度合い',
    wordingNote: '文言についてのメモ',
    confidenceNote: '根拠のメモ',
    historyLink: 'この項目の年度ごとの変化',
    englishTranslation: '英語訳',
    officialWording: '公式の文言（日本語）',
    rowInferred: 'この機器の区分の行があることは推定です（公式の様式と未照合）。',
    unconfirmedShort: '文言または番号は推定です（公式の様式と未照合）。',
    compareWithPreviousLong: (previous: string) => `${previous}からの変更点を見る`,
    // /catalog/items/{id}
    itemTitle: (name: string, id: string) => `${name}（${id}）`,
    itemLead: '年度版ごとの番号、文言、目標年度の移り変わりです。',
    historyEdition: '年度版',
    historyNumber: '番号',
    historyText: '文言',
    historyTarget: '機器の区分と目標',
    historyConfidence: '確認の度合い',
    historyEmpty: 'この項目はどの年度版にもありません。',
    // /catalog/compare
    compareTitle: '年度版の比較',
    compareLead:
      '2 つの年度版の同じ様式を、項目ごとに並べます（広い画面では左が前の版、右が後の版）。状態は色だけでなく文字でも示します。',
    compareFrom: '前の版',
    compareTo: '後の版',
    compareForm: '様式',
    compareSubmit: '表示する',
    compareOrderError: '「前の版」には「後の版」より前の年度版を選んでください。',
    compareNoForm: '選んだ様式は、両方の年度版にはありません。',
    compareSummary: '違いのまとめ',
    compareHeadingFor: (from: string, to: string, form: string) => `${from} → ${to}（${form}）`,
    hideUnchanged: '変更なしの項目を隠す',
    hiddenUnchanged: (count: number) => `変更なしの ${count} 項目を隠しています。`,
    compareStatusColumn: '状態と項目',
    notInEdition: (edition: string) => `${edition}にはありません`,
    listSeparator: '・',
    changesLabel: '変わった点',
    status: {
      added: '新規',
      changed: '変更',
      unchanged: '変更なし',
      removed: '削除',
    },
    kind: {
      unchanged: '変更なし',
      reworded: '文言の変更',
      merged: '統合',
      split: '分割',
      new: '新規',
      removed: '削除',
    },
    kindHelp: {
      unchanged: '',
      reworded: '文言が変わりました。',
      merged: '前の版で分かれていた行（または項目）が、1 つにまとめられました。',
      split: '前の版の 1 つの項目が、複数に分かれました。',
      new: '',
      removed: '',
    },
    changes: {
      text: '文言',
      number: '番号',
      target: '目標年度',
      rows: '機器の区分',
    },
    compareNote: 'メモ',
    compareEmpty: '表示する項目はありません。',
  },
};

export type Messages = typeof ja;
