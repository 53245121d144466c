-- Mail that claims a complaint without coming from its customer. A reply joins a complaint only
-- when it is authenticated as coming from the complaint's customer (src/domain/mail); any other
-- mail that threads onto a complaint (a forged From, a copied In-Reply-To) becomes a new
-- complaint, recorded here with the complaint it claimed, until a person confirms it is the
-- same customer (the mail then moves onto the claimed complaint as the customer's reply).

-- The receiving hosts whose Authentication-Results headers this mailbox believes (authserv-ids).
alter table mailboxes add column trusted_authserv_ids text[] not null default '{}';

create table mail_sender_reviews (
  complaint_id          bigint primary key references complaints (id),  -- the new complaint
  claimed_complaint_id  bigint not null references complaints (id),     -- the one the mail claimed
  inbound_mail_id       bigint not null references inbound_mails (id),
  message_id            bigint references messages (id),               -- the mail as a message
  refusal               text not null,        -- why it did not join (a code of src/domain/mail)
  detail                text not null,        -- the same in words (never an address)
  status                text not null default 'pending' check (status in ('pending', 'confirmed')),
  decided_by            text,
  decided_at            timestamptz,
  created_at            timestamptz not null default now()
);
create index mail_sender_reviews_claimed on mail_sender_reviews (claimed_complaint_id);
