-- Statistics (issue 18) are answered from an in-memory snapshot in each app server
-- (src/services/statistics_snapshot.cpp, ADR 0024). This log names every organisation whose statistics
-- may have changed — an answer, a checklist, the institution's place, size or EHR — so that each server
-- re-reads only those. organisation_id 0 means "re-read everything" (a health centre's jurisdiction moved).
-- AUTOINCREMENT: ids are never reused, so a reader's "everything after id N" never misses a row.
-- Rows older than an hour are deleted by the servers; a server further behind reads everything again.
CREATE TABLE statistics_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX statistics_changes_at ON statistics_changes (at);

CREATE TRIGGER statistics_answer_inserted AFTER INSERT ON answers BEGIN
    INSERT INTO statistics_changes (organisation_id)
        SELECT organisation_id FROM assessments WHERE id = NEW.assessment_id;
END;
CREATE TRIGGER statistics_answer_updated
    AFTER UPDATE OF value, reason, target_date, needs_reconfirmation, assessment_id ON answers BEGIN
    INSERT INTO statistics_changes (organisation_id)
        SELECT organisation_id FROM assessments WHERE id IN (OLD.assessment_id, NEW.assessment_id);
END;
CREATE TRIGGER statistics_answer_deleted AFTER DELETE ON answers BEGIN
    INSERT INTO statistics_changes (organisation_id)
        SELECT organisation_id FROM assessments WHERE id = OLD.assessment_id;
END;

CREATE TRIGGER statistics_assessment_inserted AFTER INSERT ON assessments BEGIN
    INSERT INTO statistics_changes (organisation_id) VALUES (NEW.organisation_id);
END;
CREATE TRIGGER statistics_assessment_updated
    AFTER UPDATE OF organisation_id, fiscal_year, form, edition, edition_revision, status, has_vendor_contract
    ON assessments BEGIN
    INSERT INTO statistics_changes (organisation_id) VALUES (OLD.organisation_id);
    INSERT INTO statistics_changes (organisation_id)
        SELECT NEW.organisation_id WHERE NEW.organisation_id <> OLD.organisation_id;
END;
CREATE TRIGGER statistics_assessment_deleted AFTER DELETE ON assessments BEGIN
    INSERT INTO statistics_changes (organisation_id) VALUES (OLD.organisation_id);
END;

CREATE TRIGGER statistics_organisation_inserted AFTER INSERT ON organisations BEGIN
    INSERT INTO statistics_changes (organisation_id) VALUES (NEW.id);
END;
CREATE TRIGGER statistics_organisation_updated
    AFTER UPDATE OF kind, name, prefecture_code, municipality_code, beds_total ON organisations BEGIN
    INSERT INTO statistics_changes (organisation_id)
        VALUES (CASE WHEN NEW.kind = 'health_centre' OR OLD.kind = 'health_centre' THEN 0 ELSE NEW.id END);
END;

CREATE TRIGGER statistics_system_inserted AFTER INSERT ON systems BEGIN
    INSERT INTO statistics_changes (organisation_id) VALUES (NEW.organisation_id);
END;
CREATE TRIGGER statistics_system_updated AFTER UPDATE OF organisation_id, kind, status ON systems BEGIN
    INSERT INTO statistics_changes (organisation_id) VALUES (OLD.organisation_id);
    INSERT INTO statistics_changes (organisation_id)
        SELECT NEW.organisation_id WHERE NEW.organisation_id <> OLD.organisation_id;
END;
CREATE TRIGGER statistics_system_deleted AFTER DELETE ON systems BEGIN
    INSERT INTO statistics_changes (organisation_id) VALUES (OLD.organisation_id);
END;

CREATE TRIGGER statistics_jurisdiction_inserted AFTER INSERT ON jurisdictions BEGIN
    INSERT INTO statistics_changes (organisation_id) VALUES (0);
END;
CREATE TRIGGER statistics_jurisdiction_deleted AFTER DELETE ON jurisdictions BEGIN
    INSERT INTO statistics_changes (organisation_id) VALUES (0);
END;
