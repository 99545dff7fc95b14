-- The submission a verification rests on (the approved attempt), so that partner claims
-- and staff views read it by key instead of scanning every attempt for the newest
-- approved one. Verifications before this version: their newest approved attempt.
alter table hcp_verification add column submission_id bigint;

update hcp_verification
set submission_id = (select max(s.id) from credential_submission s
                     where s.reader_id = hcp_verification.reader_id and s.decision = 'approved')
where status = 'VERIFIED';
