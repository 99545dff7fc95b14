-- The readers' e-mails as an outbox: a notification written in the decision's transaction
-- is due for e-mail (email_due_at) until it is sent (emailed_at) or given up
-- (email_given_up_at). The outbox sender (notifications/MailOutbox) claims one row at a
-- time by moving email_due_at forward (compare-and-set), so two nodes never send the same
-- e-mail at once; a failure moves it further (backoff). email_due_at is null when there is
-- nothing to send, which keeps its index to the rows still due.
alter table notification add column email_due_at timestamp with time zone;
alter table notification add column email_attempts integer default 0 not null;
alter table notification add column email_given_up_at timestamp with time zone;

create index ix_notification_email_due on notification (email_due_at);
