package store

import "context"

// RecordSSOLogin writes to the audit log a single sign-on through method
// ("oidc" or "cas") as the identity provider's subject: a session started
// for username, or, when reason is not empty, refused for that reason (no
// matching account, a disabled one, a bad answer of the provider).
func (db *DB) RecordSSOLogin(ctx context.Context, username, remote, method, subject, reason string) (err error) {
	defer wrap(&err, "RecordSSOLogin(%q)", username)
	action := "login_sso"
	detail := map[string]string{"remote": remote, "method": method, "subject": subject}
	if reason != "" {
		action = "login_sso_failed"
		detail["reason"] = reason
	}
	username = loginName(username)
	return db.change(ctx, Actor{Username: username}, func(t *txn) error {
		return t.audit(action, "user", username, detail)
	})
}
