-- Facility master (mamori import facilities / municipalities): the 全国地方公共団体コード list, and the
-- facts about institutions that the MHLW 医療情報ネット open data carries. Coordinates and bed counts are
-- NULL when the source has none; source_updated is the release date of the file a row was last imported
-- from (YYYY-MM-DD), so institutions missing from a newer release stand out.
CREATE TABLE municipalities (
    code TEXT PRIMARY KEY CHECK (length(code) = 6),
    prefecture_code TEXT NOT NULL REFERENCES prefectures (code),
    name TEXT NOT NULL CHECK (length(name) > 0),
    kana TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX municipalities_prefecture ON municipalities (prefecture_code);

ALTER TABLE organisations ADD COLUMN name_kana TEXT;
ALTER TABLE organisations ADD COLUMN latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN 20 AND 46);
ALTER TABLE organisations ADD COLUMN longitude REAL
    CHECK (longitude IS NULL OR longitude BETWEEN 122 AND 154);
ALTER TABLE organisations ADD COLUMN beds_general INTEGER CHECK (beds_general IS NULL OR beds_general >= 0);
ALTER TABLE organisations ADD COLUMN beds_long_term INTEGER
    CHECK (beds_long_term IS NULL OR beds_long_term >= 0);
ALTER TABLE organisations ADD COLUMN beds_psychiatric INTEGER
    CHECK (beds_psychiatric IS NULL OR beds_psychiatric >= 0);
ALTER TABLE organisations ADD COLUMN beds_tuberculosis INTEGER
    CHECK (beds_tuberculosis IS NULL OR beds_tuberculosis >= 0);
ALTER TABLE organisations ADD COLUMN beds_infectious INTEGER
    CHECK (beds_infectious IS NULL OR beds_infectious >= 0);
ALTER TABLE organisations ADD COLUMN beds_total INTEGER CHECK (beds_total IS NULL OR beds_total >= 0);
ALTER TABLE organisations ADD COLUMN source_updated TEXT
    CHECK (source_updated IS NULL OR length(source_updated) = 10);
ALTER TABLE organisations ADD COLUMN updated_at TEXT;
CREATE INDEX organisations_municipality ON organisations (municipality_code);
