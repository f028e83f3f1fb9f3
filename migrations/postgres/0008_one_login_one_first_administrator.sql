-- Issue 12: an organisation's first administrator is one person, and a login has one normal form.
-- Invitations sent by whoever onboards an organisation (not its administrator) are marked, so that once one
-- is accepted the others cannot be (IdentityService::accept_invitation). Pending ones are marked here.
ALTER TABLE invitations ADD COLUMN first_administrator INTEGER NOT NULL DEFAULT 0;
UPDATE invitations SET first_administrator = 1
WHERE roles = 'administrator' AND accepted_at IS NULL AND revoked_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id
                  WHERE u.organisation_id = invitations.organisation_id AND r.role = 'administrator'
                    AND u.disabled_at IS NULL);
-- Logins are rewritten in their normal form (NFKC, case-folded, trimmed) by this migration's data step in
-- C++ (services/login_normalisation.cpp): SQL has no Unicode normalisation on SQLite.
