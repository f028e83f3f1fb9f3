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
};

export type Messages = typeof ja;
