#include "demo_assets.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "asset_records.hpp"
#include "identity_records.hpp"
#include "ledger.hpp"
#include "mamori/core/time.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

using namespace std::chrono;
using ledger::AssetRecord;

const audit::Context demo_context{"local", "demo"};

// DemoAsset: an asset, the name of the system it belongs to (empty for none), and how many days ago an
// inventory last saw it (negative: never).
struct DemoAsset {
    AssetRecord record;
    std::string system;
    int seen_days_ago = -1;
    bool retired = false;
};

AssetRecord asset(std::string cls, std::string name, std::string location, std::string department) {
    AssetRecord r;
    r.asset_class = std::move(cls);
    r.name = std::move(name);
    r.location = std::move(location);
    r.department = std::move(department);
    return r;
}

AssetRecord made_by(AssetRecord r, std::string manufacturer, std::string model, std::string serial) {
    r.manufacturer = std::move(manufacturer);
    r.model = std::move(model);
    r.serial = std::move(serial);
    return r;
}

AssetRecord os(AssetRecord r, std::string name, std::string version, std::vector<std::string> cpes) {
    r.os_name = std::move(name);
    r.os_version = std::move(version);
    for (auto& c : cpes) r.cpes.push_back({std::move(c), "manual"});
    return r;
}

AssetRecord at(AssetRecord r, std::vector<std::string> ips, std::vector<std::string> macs = {}) {
    r.ip_addresses = std::move(ips);
    r.mac_addresses = std::move(macs);
    return r;
}

constexpr const char* kWin7 = "cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*";
constexpr const char* kWin10 = "cpe:2.3:o:microsoft:windows_10:1809:*:*:*:*:*:*:*";
constexpr const char* kWin2012 = "cpe:2.3:o:microsoft:windows_server_2012:r2:*:*:*:*:*:*:*";
constexpr const char* kWin2019 = "cpe:2.3:o:microsoft:windows_server_2019:-:*:*:*:*:*:*:*";

std::vector<DemoAsset> hospital_assets() {
    std::vector<DemoAsset> out;
    auto vpn = at(os(made_by(asset("connection_point", "VPN装置（FortiGate）", "本館2階 サーバ室 ラックA",
                                   "情報システム課"),
                             "Fortinet", "FortiGate-100E", "FG100E0000000001"),
                     "FortiOS", "6.0.4",
                     {"cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*",
                      "cpe:2.3:h:fortinet:fortigate-100e:-:*:*:*:*:*:*:*"}),
                  {"203.0.113.10", "192.168.0.1"}, {"00:09:0f:12:34:56"});
    vpn.firmware_version = "6.0.4";
    vpn.internet_facing = vpn.remote_maintenance = vpn.vendor_managed = true;
    vpn.owner = "情報システム課長";
    vpn.note = "電子カルテ保守業者のSSL-VPN接続に使用。";
    vpn.software = {{"https", "", "", "service", "", "", "443/tcp"},
                    {"SSL-VPN", "", "", "service", "", "", "10443/tcp"}};
    out.push_back({vpn, "院内ネットワーク（UTM・VPN装置）", 3});
    auto adc = at(os(made_by(asset("connection_point", "負荷分散装置（Citrix ADC）",
                                   "本館2階 サーバ室 ラックA", "情報システム課"),
                             "Citrix", "NetScaler MPX 8905", "CTX0000000123"),
                     "Citrix ADC", "13.0",
                     {"cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0:*:*:*:*:*:*:*"}),
                  {"203.0.113.11", "192.168.0.5"});
    adc.internet_facing = adc.vendor_managed = true;
    out.push_back({adc, "", 3});
    auto ehr_db =
        at(os(made_by(asset("server", "電子カルテDBサーバ", "本館2階 サーバ室 ラックB", "情報システム課"),
                      "富士通", "PRIMERGY RX2540 M5", "MA1234567"),
              "Windows Server 2019", "Standard", {kWin2019}),
           {"192.168.10.11"}, {"00:19:99:aa:10:11"});
    ehr_db.vendor_managed = ehr_db.remote_maintenance = true;
    // As an inventory agent lists it: more than the page shows at once.
    ehr_db.software = {
        {"Microsoft SQL Server 2019 (64-bit)", "15.0.4345.5", "Microsoft Corporation", "application",
         "cpe:2.3:a:microsoft:sql_server_2019:-:*:*:*:*:*:x64:*", "", ""},
        {"Microsoft SQL Server Management Studio", "18.12.1", "Microsoft Corporation", "application", "", "",
         ""},
        {"デモカルテ Enterprise DBサービス", "7.3", "デモ医療システム株式会社", "application", "", "", ""},
        {"Microsoft .NET Framework 4.8", "4.8.04084", "Microsoft Corporation", "library", "", "", ""},
        {"Microsoft Visual C++ 2019 Redistributable (x64)", "14.29.30133", "Microsoft Corporation", "library",
         "", "", ""},
        {"Java 8 Update 381", "8.0.3810.9", "Oracle Corporation", "application", "", "", ""},
        {"7-Zip 19.00 (x64)", "19.00", "Igor Pavlov", "application", "", "", ""},
        {"ウイルス対策ソフト（サーバ版）", "12.1", "デモセキュリティ株式会社", "application", "", "", ""},
        {"バックアップエージェント", "9.0", "デモバックアップ株式会社", "application", "", "", ""},
        {"リモート保守ツール", "4.2", "デモ医療システム株式会社", "application", "", "", ""},
        {"Microsoft Edge", "120.0.2210.91", "Microsoft Corporation", "application", "", "", ""},
        {"PowerShell 7-x64", "7.2.6.0", "Microsoft Corporation", "application", "", "", ""},
    };
    out.push_back({ehr_db, "電子カルテ（全病棟・外来）", 3});
    auto ehr_ap =
        at(os(made_by(asset("server", "電子カルテAPサーバ", "本館2階 サーバ室 ラックB", "情報システム課"),
                      "富士通", "PRIMERGY RX2530 M5", "MA1234568"),
              "Windows Server 2019", "Standard", {kWin2019}),
           {"192.168.10.12"});
    ehr_ap.vendor_managed = ehr_ap.remote_maintenance = true;
    out.push_back({ehr_ap, "電子カルテ（全病棟・外来）", 3});
    auto pacs = at(os(made_by(asset("server", "PACS画像サーバ", "本館1階 放射線科 機械室", "放射線科"), "HPE",
                              "ProLiant DL380 Gen9", "CZ2000ABCD"),
                      "Windows Server 2012 R2", "Standard", {kWin2012}),
                   {"192.168.20.10"});
    pacs.vendor_managed = pacs.remote_maintenance = true;
    out.push_back({pacs, "医用画像管理システム（PACS）", 40});
    auto receipt = at(os(made_by(asset("server", "医事会計サーバ", "本館1階 医事課 奥", "医事課"), "NEC",
                                 "Express5800/T120h", "NEC0099887"),
                         "Windows Server 2019", "Standard", {kWin2019}),
                      {"192.168.30.10"});
    receipt.vendor_managed = receipt.remote_maintenance = true;
    out.push_back({receipt, "医事会計システム（レセコン）", 10});
    auto eligibility = at(os(made_by(asset("terminal", "オンライン資格確認端末", "本館1階 受付", "医事課"),
                                     "Dell", "OptiPlex 7090", "DL7090-0001"),
                             "Windows 10", "IoT Enterprise", {kWin10}),
                          {"192.168.30.20"});
    out.push_back({eligibility, "オンライン資格確認端末", 10});
    const char* wards[] = {"3階東病棟 ナースステーション",
                           "3階西病棟 ナースステーション",
                           "4階東病棟 ナースステーション",
                           "外来 内科診察室1",
                           "外来 内科診察室2",
                           "外来 整形外科診察室"};
    int n = 0;
    for (const char* place : wards) {
        ++n;
        auto pc = at(os(made_by(asset("terminal", fmt::format("電子カルテ端末 {:02}", n), place,
                                      n <= 3 ? "看護部" : "外来"),
                                "Lenovo", "ThinkCentre M75q", fmt::format("LNV-M75Q-{:04}", n)),
                        "Windows 10", "Pro 1809", {kWin10}),
                     {fmt::format("192.168.11.{}", 100 + n)});
        pc.owner = n <= 3 ? "看護部長" : "外来師長";
        out.push_back({pc, "電子カルテ（全病棟・外来）", 3});
    }
    auto old_pc = at(os(made_by(asset("terminal", "検査部 旧端末", "本館地下1階 検査部", "検査部"), "NEC",
                                "Mate MK33M", "NEC-MK33-0451"),
                        "Windows 7", "Professional SP1", {kWin7}),
                     {"192.168.40.15"});
    old_pc.note = "検査機器の制御ソフトがWindows 7のみ対応。ネットワーク分離を検討中。";
    out.push_back({old_pc, "", 420});
    auto admin_pc = at(os(made_by(asset("terminal", "事務部 共用PC", "管理棟2階 事務部", "事務部"), "Dell",
                                  "Latitude 5420", "DL5420-0007"),
                          "Windows 10", "Pro", {kWin10}),
                       {"192.168.50.21"});
    out.push_back({admin_pc, "", 12});
    auto core = at(os(made_by(asset("network", "コアスイッチ", "本館2階 サーバ室 ラックA", "情報システム課"),
                              "Cisco", "Catalyst 9300-48P", "FOC0000X0AB"),
                      "Cisco IOS XE", "16.12.4", {"cpe:2.3:o:cisco:ios_xe:16.12.4:*:*:*:*:*:*:*"}),
                   {"192.168.0.2"}, {"00:1b:54:aa:bb:01"});
    core.vendor_managed = true;
    out.push_back({core, "院内ネットワーク（UTM・VPN装置）", 3});
    auto floor_sw = at(made_by(asset("network", "フロアスイッチ 3階", "本館3階 EPS", "情報システム課"),
                               "Cisco", "Catalyst 2960-X", "FOC1111Y2CD"),
                       {"192.168.0.3"});
    out.push_back({floor_sw, "院内ネットワーク（UTM・VPN装置）", 3});
    auto wifi = at(made_by(asset("network", "無線LANアクセスポイント（外来）", "本館1階 外来待合 天井",
                                 "情報システム課"),
                           "Aruba", "AP-515", "CNB0000001"),
                   {"192.168.0.30"});
    out.push_back({wifi, "", 3});
    auto mri = at(made_by(asset("medical_device", "MRI装置", "本館1階 放射線科 MRI室", "放射線科"),
                          "シーメンス", "MAGNETOM Altea 1.5T", "MRI-000123"),
                  {"192.168.20.31"});
    mri.os_name = "Windows 10";
    mri.os_version = "IoT Enterprise LTSC";
    mri.vendor_managed = mri.remote_maintenance = true;
    mri.note = "操作コンソールの更新は装置メーカーのみ実施可能。";
    out.push_back({mri, "医用画像管理システム（PACS）", 40});
    auto ct = at(made_by(asset("medical_device", "CT装置", "本館1階 放射線科 CT室", "放射線科"),
                         "キヤノンメディカル", "Aquilion Lightning", "CT-004455"),
                 {"192.168.20.32"});
    ct.vendor_managed = true;
    out.push_back({ct, "医用画像管理システム（PACS）", 40});
    auto viewer = at(os(made_by(asset("medical_device", "PACS読影ワークステーション",
                                      "本館1階 放射線科 読影室", "放射線科"),
                                "HP", "Z4 G4", "HPZ4-0099"),
                        "Windows 10", "Enterprise", {kWin10}),
                     {"192.168.20.41"});
    viewer.vendor_managed = true;
    out.push_back({viewer, "医用画像管理システム（PACS）", 40});
    auto ecg = made_by(asset("medical_device", "心電計", "本館地下1階 検査部 生理検査室", "検査部"),
                       "フクダ電子", "FCP-8800", "FD-88-0012");
    out.push_back({ecg, "", -1});
    auto nas = at(made_by(asset("server", "バックアップNAS", "管理棟1階 書庫（施錠）", "情報システム課"),
                          "Synology", "RS1221+", "SYN-1221-0042"),
                  {"192.168.10.50"});
    nas.note = "電子カルテDBの日次バックアップ（世代管理7日）。";
    out.push_back({nas, "電子カルテ（全病棟・外来）", 3});
    auto usb = made_by(
        asset("media", "USBメモリ（暗号化）No.1", "情報システム課 キャビネット（施錠）", "情報システム課"),
        "I-O DATA", "ED-E4/32GR", "USB-ENC-0001");
    usb.owner = "情報システム課長";
    usb.note = "持ち出し時は管理簿に記入。";
    out.push_back({usb, "", -1});
    auto usb2 = made_by(
        asset("media", "USBメモリ（暗号化）No.2", "情報システム課 キャビネット（施錠）", "情報システム課"),
        "I-O DATA", "ED-E4/32GR", "USB-ENC-0002");
    out.push_back({usb2, "", -1});
    auto hdd =
        made_by(asset("media", "外付けHDD（オフライン保管用）", "管理棟1階 書庫（施錠）", "情報システム課"),
                "BUFFALO", "HD-PGF2.0U3", "BF-HDD-0003");
    hdd.note = "月次でバックアップを取得し、ネットワークから切り離して保管。";
    out.push_back({hdd, "電子カルテ（全病棟・外来）", -1});
    auto printer = at(made_by(asset("network", "複合機（医事課）", "本館1階 医事課", "医事課"), "RICOH",
                              "IM C3000", "RC-3000-0101"),
                      {"192.168.30.40"});
    out.push_back({printer, "", 12});
    auto retired =
        at(os(made_by(asset("terminal", "旧 電子カルテ端末 07", "3階東病棟 ナースステーション", "看護部"),
                      "NEC", "Mate MK32M", "NEC-MK32-0007"),
              "Windows 7", "Professional SP1", {kWin7}),
           {"192.168.11.107"});
    out.push_back({retired, "", 500, true});
    return out;
}

std::vector<DemoAsset> clinic_assets() {
    std::vector<DemoAsset> out;
    auto router = at(
        os(made_by(asset("network", "インターネット接続ルータ", "受付裏 ネットワークラック", "事務"),
                   "ヤマハ", "RTX830", "S4K000123"),
           "RTX830 ファームウェア", "Rev.15.02", {}),
        {"192.168.1.1"}, {"00:a0:de:11:22:33"});
    router.firmware_version = "Rev.15.02.26";
    router.internet_facing = true;
    router.vendor_managed = true;
    router.note = "光回線の入口。クラウド型電子カルテへの通信もここを通る。";
    out.push_back({router, "", 5});
    auto vpn = at(made_by(asset("connection_point", "保守用VPN装置", "受付裏 ネットワークラック", "事務"),
                          "ヤマハ", "RTX830", "S4K000124"),
                  {"192.168.1.2"});
    vpn.remote_maintenance = vpn.vendor_managed = true;
    vpn.note = "レセコン業者のリモート保守専用。";
    out.push_back({vpn, "レセコン", 5});
    auto receipt = at(os(made_by(asset("server", "レセコンサーバ", "院長室 収納棚", "事務"), "NEC",
                                 "Express5800/T110k", "NEC-T110-0088"),
                         "Windows Server 2019", "Essentials", {kWin2019}),
                      {"192.168.1.10"});
    receipt.vendor_managed = receipt.remote_maintenance = true;
    out.push_back({receipt, "レセコン", 5});
    auto reception = at(os(made_by(asset("terminal", "受付PC", "受付カウンター", "事務"), "Dell",
                                   "OptiPlex 3000", "DL3000-0001"),
                           "Windows 10", "Pro", {kWin10}),
                        {"192.168.1.21"});
    out.push_back({reception, "クラウド型電子カルテ", 5});
    auto exam = at(
        os(made_by(asset("terminal", "診察室PC", "診察室1", "診療"), "Dell", "OptiPlex 3000", "DL3000-0002"),
           "Windows 10", "Pro", {kWin10}),
        {"192.168.1.22"});
    out.push_back({exam, "クラウド型電子カルテ", 5});
    auto nas = at(made_by(asset("server", "バックアップNAS", "院長室 収納棚", "事務"), "BUFFALO", "LS720D",
                          "BF-LS720-0001"),
                  {"192.168.1.30"});
    nas.note = "レセコンの日次バックアップ。";
    out.push_back({nas, "レセコン", -1});
    return out;
}

Status fill(store::Database& db, const std::string& login, std::vector<DemoAsset> (*assets_of)()) {
    identity::Caller caller;
    std::map<std::string, std::int64_t> systems;
    {
        auto lease = db.acquire();
        auto user = records::find_user_by_login(*lease, login);
        if (!user) return {};
        caller = records::caller_for(*lease, *user);
        const long long org = caller.organisation.id;
        for (const auto& r : store::query(*lease, "SELECT 1 FROM assets WHERE organisation_id = :o", org)) {
            (void)r;
            return {};  // the ledger has assets already
        }
        const long long org2 = caller.organisation.id;
        for (const auto& r :
             store::query(*lease, "SELECT id, name FROM systems WHERE organisation_id = :o", org2))
            systems[r.get<std::string>(1)] = store::int64_at(r, 0);
    }
    Ledger ledger(db);
    const auto now = system_clock::now();
    for (auto& a : assets_of()) {
        if (const auto s = systems.find(a.system); !a.system.empty() && s != systems.end())
            a.record.system_id = s->second;
        else if (!a.system.empty())
            a.record.system_note = a.system;
        auto made = ledger.create(caller, a.record, demo_context);
        if (!made) return fail(made.error());
        if (a.seen_days_ago >= 0) {
            auto lease = db.acquire();
            asset_records::touch_seen(*lease, made->asset.id, to_iso_utc(now - days(a.seen_days_ago)));
        }
        if (a.retired) {
            auto retired = ledger.retire(caller, made->asset.id, made->asset.version,
                                         "機器更新のため廃棄（データ消去証明書あり）", demo_context);
            if (!retired) return fail(retired.error());
        }
    }
    return {};
}

}  // namespace

Status create_assets_demo(store::Database& db) {
    if (auto ok = fill(db, "hospital@demo.example", hospital_assets); !ok) return ok;
    return fill(db, "sakura@demo.example", clinic_assets);
}

}  // namespace mamori::services
