"""The figures bench/national_data.py shapes Japan and its checklist answers by. Every number says where it
comes from: [V] / [S] / [?] are the confidence tags of ../shared/domain/mhlw-regime.md §6 (verified,
secondary, unknown), and "A" marks an assumption of this script (a gradient between published ends, a trend
into a year without a survey, the rates of kinds no survey covers). Change a figure here, not in the
generator."""

# Hospital bed bands as MHLW's surveys report them (mamori/inspection/bed_band.hpp).
BANDS = ("20_99", "100_199", "200_299", "300_399", "400_499", "500_plus")
BAND_BEDS = {"20_99": (20, 99), "100_199": (100, 199), "200_299": (200, 299), "300_399": (300, 399),
             "400_499": (400, 499), "500_plus": (500, 1200)}

# Share of hospitals per band. ASSUMPTION: an approximation of the shape of MHLW 医療施設調査 (病床規模別病院数,
# about 36 % of hospitals under 100 beds and under 5 % with 500 or more), not read from a file here.
BAND_SHARE = {"20_99": 0.358, "100_199": 0.342, "200_299": 0.133, "300_399": 0.084, "400_499": 0.039,
              "500_plus": 0.044}

# Institutions at full scale: the counts (issue 18, item 1).
KIND_TOTALS = {"hospital": 8100, "clinic": 105000, "dental_clinic": 68000, "pharmacy": 62000}
HEALTH_CENTRES = 470  # the order of magnitude; spread over prefectures by population
CLINIC_WITH_BEDS_SHARE = 0.057  # ASSUMPTION: 有床診療所 ≈ 6,000 of ≈ 105,000 clinics

# Population by prefecture (JIS code → thousands), ASSUMPTION: the 2020 census rounded, from memory; used
# only to spread institutions and health centres over the prefectures in the right proportions.
POPULATION = {
    "01": 5225, "02": 1238, "03": 1211, "04": 2302, "05": 960, "06": 1068, "07": 1833, "08": 2867,
    "09": 1933, "10": 1939, "11": 7345, "12": 6284, "13": 14048, "14": 9237, "15": 2201, "16": 1035,
    "17": 1133, "18": 767, "19": 810, "20": 2048, "21": 1979, "22": 3633, "23": 7542, "24": 1770,
    "25": 1414, "26": 2578, "27": 8838, "28": 5465, "29": 1324, "30": 923, "31": 553, "32": 671,
    "33": 1888, "34": 2800, "35": 1342, "36": 720, "37": 950, "38": 1335, "39": 692, "40": 5135,
    "41": 811, "42": 1312, "43": 1738, "44": 1124, "45": 1070, "46": 1588, "47": 1467,
}

# はい-rates of hospitals by band, per (canonical item, fiscal year): {band: (percent, tag)}, plus the
# published average and its source. A band tagged "A" is an assumed gradient chosen so that the weighted
# average over BAND_SHARE comes out near the published average.
SURVEY = [
    {"item": "IR-03", "fiscal_year": 2023, "what": "サイバー攻撃を想定したBCP策定 (cyber BCP in place)",
     "average": (23, "V"), "source": "https://wic-net.com/material/document/9290/5",
     "bands": {"20_99": (14, "V"), "100_199": (24, "A"), "200_299": (28, "A"), "300_399": (31, "A"),
               "400_499": (34, "A"), "500_plus": (40, "A")}},
    {"item": "IR-03", "fiscal_year": 2024, "what": "サイバー攻撃を想定したBCP策定 (cyber BCP in place)",
     "average": (27, "S"), "source": "https://cbnews.jp/news/entry/20240610180255",
     "bands": {"20_99": (25, "S"), "100_199": (26, "A"), "200_299": (29, "A"), "300_399": (33, "S"),
               "400_499": (36, "S"), "500_plus": (44, "S")}},
    {"item": "GOV-01", "fiscal_year": 2023, "what": "医療情報システム安全管理責任者の設置 (press report)",
     "average": (73, "?"), "source": "mhlw-regime.md §6.3 (press reports, not seen in MHLW slides)",
     "bands": {"20_99": (66, "A"), "100_199": (70, "A"), "200_299": (76, "A"), "300_399": (82, "A"),
               "400_499": (88, "A"), "500_plus": (90, "A")}},
    {"item": "GOV-01", "fiscal_year": 2024, "what": "安全管理責任者 +13 pts on 2023 (≈86 %, arithmetic)",
     "average": (86, "S"), "source": "https://cbnews.jp/news/entry/20240610180255",
     "bands": {"20_99": (80, "A"), "100_199": (84, "A"), "200_299": (89, "A"), "300_399": (92, "A"),
               "400_499": (95, "A"), "500_plus": (97, "A")}},
    {"item": "VUL-01", "fiscal_year": 2023, "what": "脆弱性情報の収集 (press report)",
     "average": (78, "?"), "source": "mhlw-regime.md §6.3 (press reports, not seen in MHLW slides)",
     "bands": {"20_99": (72, "A"), "100_199": (76, "A"), "200_299": (82, "A"), "300_399": (86, "A"),
               "400_499": (90, "A"), "500_plus": (93, "A")}},
    {"item": "VUL-01", "fiscal_year": 2024, "what": "注意喚起・脆弱性情報の定期的な収集 (76 % → 96 % by size)",
     "average": (82, "V"), "source": "https://wic-net.com/material/document/15057/9",
     "bands": {"20_99": (76, "V"), "100_199": (80, "A"), "200_299": (85, "A"), "300_399": (89, "A"),
               "400_499": (93, "A"), "500_plus": (96, "V")}},
    {"item": "VND-01", "fiscal_year": 2023, "what": "事業者との接続点をすべて管理 (Q11; mapping to VND-01 assumed)",
     "average": (44, "V"), "source": "https://wic-net.com/material/document/8585/7",
     "bands": {"20_99": (38, "A"), "100_199": (42, "A"), "200_299": (48, "A"), "300_399": (52, "A"),
               "400_499": (56, "A"), "500_plus": (60, "A")}},
    {"item": "LOG-01", "fiscal_year": 2023, "what": "ログの確認・通信の監視 (Q13)",
     "average": (35, "V"), "source": "https://wic-net.com/material/document/8585/7",
     "bands": {"20_99": (28, "A"), "100_199": (33, "A"), "200_299": (40, "A"), "300_399": (45, "A"),
               "400_499": (50, "A"), "500_plus": (55, "A")}},
    {"item": "VND-02", "fiscal_year": 2023, "what": "MDS/SDSによる確認 (press report)",
     "average": (19, "?"), "source": "mhlw-regime.md §6.3 (press reports, not seen in MHLW slides)",
     "bands": {"20_99": (14, "A"), "100_199": (17, "A"), "200_299": (22, "A"), "300_399": (26, "A"),
               "400_499": (30, "A"), "500_plus": (34, "A")}},
]
# Not used: the 2025 CISO figures (65 % → 96 %) — the domain file says a CISO is not necessarily the
# 安全管理責任者 of GOV-01; the 2024 "network configuration known" 92 % — no checklist item means the same.

TREND_PER_YEAR = 3  # ASSUMPTION: points per fiscal year for a year without a survey figure, capped at 97
# ASSUMPTION: items no survey covers: はい-rate of the 20–99 band in 2023, +3 points per band step.
DEFAULT_BASE = {"IAM-05": 15, "DEV-01": 45, "IAM-03": 50, "IAM-04": 55, "GOV-02": 50, "IR-02": 60,
                "IR-01": 55, "AST-01": 50, "NET-01": 55, "HRD-01": 50, "IAM-01": 65, "IAM-02": 55}
DEFAULT_OTHER = 50

# ASSUMPTION: institutions no survey covers answer like hospitals of 20–99 beds times this factor.
KIND_FACTOR = {"clinic_with_beds": 0.92, "clinic": 0.85, "dental_clinic": 0.8, "pharmacy": 0.9}

# EHR use (systems register), hospitals: 2024 average 71 %, 20–99 beds ≈ 57 % [V]
# https://wic-net.com/material/document/15057/7; the other bands are an assumed gradient. Clinics: ASSUMPTION.
EHR_SHARE = {"20_99": 0.57, "100_199": 0.72, "200_299": 0.85, "300_399": 0.92, "400_499": 0.95,
             "500_plus": 0.97, "clinic_with_beds": 0.55, "clinic": 0.5}

# ASSUMPTION: progress of each year's checklist by kind: (submitted, draft) shares; the rest not started.
# Drafts are answered from the top for a random 10–95 % of their rows.
PROGRESS = {
    "hospital": {2023: (0.62, 0.22), 2024: (0.72, 0.18), 2025: (0.80, 0.14)},
    "clinic": {2023: (0.40, 0.22), 2024: (0.50, 0.22), 2025: (0.58, 0.20)},
    "dental_clinic": {2023: (0.36, 0.22), 2024: (0.46, 0.22), 2025: (0.55, 0.20)},
    "pharmacy": {2023: (0.30, 0.20), 2024: (0.50, 0.20), 2025: (0.58, 0.20)},
}
# ASSUMPTION: share answering 医療情報システムの有無 (PRE-00, R6 only) いいえ.
WITHOUT_SYSTEM = {"hospital": 0.0, "clinic": 0.03, "dental_clinic": 0.04, "pharmacy": 0.01}
