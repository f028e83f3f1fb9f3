-- Statistics (issue 18) are answered from an in-memory snapshot in each app server
-- (src/services/statistics_snapshot.cpp, ADR 0024). This log names every organisation whose statistics
-- may have changed — an answer, a checklist, the institution's place, size or EHR — so that each server
-- re-reads only those. organisation_id 0 means "re-read everything" (a health centre's jurisdiction moved).
-- Ids come from a sequence and may become visible out of order (a transaction that took an id earlier can
-- commit later): readers keep the ids they have not seen below the highest one and look for them again.
-- Rows older than an hour are deleted by the servers; a server further behind reads everything again.
CREATE TABLE statistics_changes (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL,
    at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);
CREATE INDEX statistics_changes_at ON statistics_changes (at);

CREATE FUNCTION statistics_answer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO statistics_changes (organisation_id)
            SELECT organisation_id FROM assessments WHERE id = OLD.assessment_id;
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.assessment_id <> OLD.assessment_id) THEN
        INSERT INTO statistics_changes (organisation_id)
            SELECT organisation_id FROM assessments WHERE id = NEW.assessment_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER statistics_answer_inserted AFTER INSERT ON answers
    FOR EACH ROW EXECUTE FUNCTION statistics_answer_changed();
CREATE TRIGGER statistics_answer_updated
    AFTER UPDATE OF value, reason, target_date, needs_reconfirmation, assessment_id ON answers
    FOR EACH ROW EXECUTE FUNCTION statistics_answer_changed();
CREATE TRIGGER statistics_answer_deleted AFTER DELETE ON answers
    FOR EACH ROW EXECUTE FUNCTION statistics_answer_changed();

-- assessments and systems: the organisation before and after the change.
CREATE FUNCTION statistics_owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO statistics_changes (organisation_id) VALUES (OLD.organisation_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.organisation_id <> OLD.organisation_id) THEN
        INSERT INTO statistics_changes (organisation_id) VALUES (NEW.organisation_id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER statistics_assessment_inserted AFTER INSERT ON assessments
    FOR EACH ROW EXECUTE FUNCTION statistics_owner_changed();
CREATE TRIGGER statistics_assessment_updated
    AFTER UPDATE OF organisation_id, fiscal_year, form, edition, edition_revision, status, has_vendor_contract
    ON assessments FOR EACH ROW EXECUTE FUNCTION statistics_owner_changed();
CREATE TRIGGER statistics_assessment_deleted AFTER DELETE ON assessments
    FOR EACH ROW EXECUTE FUNCTION statistics_owner_changed();
CREATE TRIGGER statistics_system_inserted AFTER INSERT ON systems
    FOR EACH ROW EXECUTE FUNCTION statistics_owner_changed();
CREATE TRIGGER statistics_system_updated AFTER UPDATE OF organisation_id, kind, status ON systems
    FOR EACH ROW EXECUTE FUNCTION statistics_owner_changed();
CREATE TRIGGER statistics_system_deleted AFTER DELETE ON systems
    FOR EACH ROW EXECUTE FUNCTION statistics_owner_changed();

CREATE FUNCTION statistics_organisation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO statistics_changes (organisation_id)
        VALUES (CASE WHEN NEW.kind = 'health_centre' OR (TG_OP = 'UPDATE' AND OLD.kind = 'health_centre')
                     THEN 0 ELSE NEW.id END);
    RETURN NULL;
END;
$$;
CREATE TRIGGER statistics_organisation_inserted AFTER INSERT ON organisations
    FOR EACH ROW EXECUTE FUNCTION statistics_organisation_changed();
CREATE TRIGGER statistics_organisation_updated
    AFTER UPDATE OF kind, name, prefecture_code, municipality_code, beds_total ON organisations
    FOR EACH ROW EXECUTE FUNCTION statistics_organisation_changed();

CREATE FUNCTION statistics_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO statistics_changes (organisation_id) VALUES (0);
    RETURN NULL;
END;
$$;
CREATE TRIGGER statistics_jurisdiction_changed AFTER INSERT OR DELETE ON jurisdictions
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_everything_changed();
