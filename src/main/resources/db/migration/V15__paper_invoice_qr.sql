-- What the QR code on an invoice's file says, read once when the file is stored (docs/papers.md):
-- the text as decoded, whether or not its layout is known.
alter table paper add column qr_text varchar(2000);
