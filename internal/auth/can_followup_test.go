package auth

import "testing"

func TestCanFollowup(t *testing.T) {
	own := Resource{Kind: KindFollowup, Unit: "620123", Prefecture: "620100"}
	other := Resource{Kind: KindFollowup, Unit: "620821", Prefecture: "620800"}
	users := map[string]User{
		"admin":      {Name: "a", Role: RoleAdmin},
		"analyst":    {Name: "b", Role: RoleAnalyst},
		"department": {Name: "c", Role: RoleDepartment, Department: "省统计局"},
		"prefecture": {Name: "d", Role: RolePrefecture, Unit: "620100"},
		"county":     {Name: "e", Role: RoleCounty, Unit: "620123"},
		"viewer":     {Name: "f", Role: RoleViewer},
		"approver":   {Name: "g", Role: RoleApprover},
		"security":   {Name: "h", Role: RoleAdmin, Duty: DutySecurity},
	}
	// read, write, raise on own; read, write, raise on another prefecture's.
	want := map[string][6]bool{
		"admin":      {true, true, true, true, true, true},
		"analyst":    {true, true, true, true, true, true},
		"department": {true, false, false, true, false, false},
		"prefecture": {true, false, true, false, false, false},
		"county":     {true, true, true, false, false, false},
		"viewer":     {},
		"approver":   {},
		"security":   {},
	}
	for who, u := range users {
		t.Run(who, func(t *testing.T) {
			var got [6]bool
			for i, a := range []Action{Read, Write, Raise} {
				got[i] = CanFollowup(u, a, own)
				got[3+i] = CanFollowup(u, a, other)
			}
			if got != want[who] {
				t.Errorf("got %v, want %v", got, want[who])
			}
			if CanFollowup(u, Read, Resource{Kind: KindProblem, Unit: "620123"}) {
				t.Error("CanFollowup grants another kind")
			}
		})
	}
	for _, c := range []struct {
		u  User
		ok bool
	}{{users["viewer"], false}, {users["approver"], false}, {users["security"], false}, {users["county"], true}, {users["analyst"], true}} {
		if _, ok := FollowupScope(c.u, false); ok != c.ok {
			t.Errorf("FollowupScope(%s) ok %v", c.u.Role, ok)
		}
	}
	if _, ok := FollowupScope(users["analyst"], true); ok {
		t.Error("anonymous has a follow-up scope")
	}
}
