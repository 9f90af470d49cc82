package auth

// Duty is an administrator's share of the administrator's powers under
// three-admin separation (三员分立, 等保 level 3 access control), which
// the configuration switches on (admin_separation) and assigns by account:
// an administrator is then the 系统管理员 (DutySystem: data, methods,
// runs, backups — not accounts, not the audit log), the 安全管理员
// (DutySecurity: accounts and roles only) or the 审计管理员 (DutyAudit:
// reads the audit log only). DutyNone, the default, keeps the
// administrator's full powers. No duty can change the audit log: nothing
// can (append-only in the database, hash-chained).
type Duty string

// The duties.
const (
	DutyNone     Duty = ""
	DutySystem   Duty = "system"
	DutySecurity Duty = "security"
	DutyAudit    Duty = "audit"
)

// adminCan is what an administrator may do under her duty.
func adminCan(u User, a Action, r Resource) bool {
	switch u.Duty {
	case DutyNone:
		return true
	case DutySystem:
		return r.Kind != KindUser && r.Kind != KindAudit || ownAccount(u, a, r)
	case DutySecurity:
		return r.Kind == KindUser || publicCan(a, r)
	case DutyAudit:
		return r.Kind == KindAudit && a == Read || publicCan(a, r) || ownAccount(u, a, r)
	}
	return false
}
