-- A checklist's form is whatever form of its edition the institution answers (catalog data: 令和8年度版 has
-- one form `institution` for hospitals, clinics and pharmacies), no longer one of three names fixed here. The
-- catalog validates form ids; the database keeps them non-empty and short.
ALTER TABLE assessments DROP CONSTRAINT assessments_form_check;
ALTER TABLE assessments ADD CONSTRAINT assessments_form_check CHECK (length(form) BETWEEN 1 AND 64);
