"""Reading what a recruiter sent: calendar invites, mails and pasted text."""
