package auth

import "testing"

func TestCanChain(t *testing.T) {
	team := ChainTeam{Members: []string{"zb1"}, LeadDept: "工业和信息化厅"}
	admin := User{Name: "root", Role: RoleAdmin}
	analyst := User{Name: "a", Role: RoleAnalyst}
	member := User{Name: "zb1", Role: RoleCounty, Unit: "620121"} // a county user seconded to the 专班
	dept := User{Name: "d", Role: RoleDepartment, Department: "工业和信息化厅"}
	otherDept := User{Name: "e", Role: RoleDepartment, Department: "商务厅"}
	county := User{Name: "c", Role: RoleCounty, Unit: "620121"}
	other := User{Name: "o", Role: RoleCounty, Unit: "620821"}
	pref := User{Name: "p", Role: RolePrefecture, Unit: "620100"}
	viewer := User{Name: "v", Role: RoleViewer}
	security := User{Name: "s", Role: RoleAdmin, Duty: DutySecurity}
	for _, tc := range []struct {
		name             string
		u                User
		anon             bool
		chainW           bool
		targetR, targetW bool // a target of 620121
		otherR           bool // a target of 620821
	}{
		{"anonymous", Anonymous, true, false, false, false, false},
		{"viewer", viewer, false, false, false, false, false},
		{"admin", admin, false, true, true, true, true},
		{"security admin", security, false, false, false, false, false},
		{"analyst", analyst, false, true, true, true, true},
		{"专班 member", member, false, true, true, true, true}, // her county's scope, and the chain's targets as a member
		{"lead department", dept, false, true, true, true, true},
		{"other department", otherDept, false, false, true, false, true},
		{"county", county, false, false, true, true, false},
		{"other county", other, false, false, false, false, true},
		{"prefecture of 620121", pref, false, false, true, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !CanChain(tc.u, Read, team) {
				t.Errorf("cannot read the chain (public)")
			}
			if got := CanChain(tc.u, Write, team); got != tc.chainW {
				t.Errorf("write chain = %v, want %v", got, tc.chainW)
			}
			if got := CanChainTarget(tc.u, tc.anon, Read, "620121", team); got != tc.targetR {
				t.Errorf("read target = %v, want %v", got, tc.targetR)
			}
			if got := CanChainTarget(tc.u, tc.anon, Write, "620121", team); got != tc.targetW {
				t.Errorf("write target = %v, want %v", got, tc.targetW)
			}
			if got := CanChainTarget(tc.u, tc.anon, Read, "620821", team); got != tc.otherR {
				t.Errorf("read 620821's target = %v, want %v", got, tc.otherR)
			}
			covers, ok := ChainTargetsScope(tc.u, tc.anon)
			if tc.u.Name == member.Name {
				return // the scope is her county's; the team adds the chain's targets
			}
			if ok != (tc.targetR || tc.otherR) || ok && (covers("620121") != tc.targetR || covers("620821") != tc.otherR) {
				t.Errorf("ChainTargetsScope disagrees with CanChainTarget")
			}
		})
	}
}
