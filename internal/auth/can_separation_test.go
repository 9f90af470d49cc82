package auth

import "testing"

// TestThreeAdminSeparation: each duty may do its share and nothing of the
// others'; no duty may write the audit log; without a duty the
// administrator may do everything, as before.
func TestThreeAdminSeparation(t *testing.T) {
	admin := func(name string, d Duty) User { return User{Name: name, Role: RoleAdmin, Duty: d} }
	other := Resource{Kind: KindUser, Username: "zhang"}
	run := Resource{Kind: KindRun, RunState: StateDraft}
	for _, tc := range []struct {
		name string
		u    User
		a    Action
		r    Resource
		want bool
	}{
		{"no duty: accounts", admin("a", DutyNone), Write, other, true},
		{"no duty: audit", admin("a", DutyNone), Read, Resource{Kind: KindAudit}, true},
		{"system: runs", admin("sys", DutySystem), Write, run, true},
		{"system: backups", admin("sys", DutySystem), Write, Resource{Kind: KindSystem}, true},
		{"system: other accounts", admin("sys", DutySystem), Write, other, false},
		{"system: own password", admin("sys", DutySystem), Write, Resource{Kind: KindUser, Username: "sys"}, true},
		{"system: audit", admin("sys", DutySystem), Read, Resource{Kind: KindAudit}, false},
		{"security: accounts", admin("sec", DutySecurity), Write, other, true},
		{"security: data", admin("sec", DutySecurity), Write, Resource{Kind: KindObservation}, false},
		{"security: draft runs", admin("sec", DutySecurity), Read, run, false},
		{"security: audit", admin("sec", DutySecurity), Read, Resource{Kind: KindAudit}, false},
		{"security: backups", admin("sec", DutySecurity), Write, Resource{Kind: KindSystem}, false},
		{"audit: reads the log", admin("aud", DutyAudit), Read, Resource{Kind: KindAudit}, true},
		{"audit: writes the log", admin("aud", DutyAudit), Write, Resource{Kind: KindAudit}, false},
		{"audit: accounts", admin("aud", DutyAudit), Write, other, false},
		{"audit: own password", admin("aud", DutyAudit), Write, Resource{Kind: KindUser, Username: "aud"}, true},
		{"audit: data", admin("aud", DutyAudit), Write, Resource{Kind: KindObservation}, false},
		{"audit: catalogue (public)", admin("aud", DutyAudit), Read, Resource{Kind: KindUnit}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Can(tc.u, tc.a, tc.r); got != tc.want {
				t.Errorf("Can(%s %s, %s, %s) = %v, want %v", tc.u.Name, tc.u.Duty, tc.a, tc.r.Kind, got, tc.want)
			}
		})
	}
}
