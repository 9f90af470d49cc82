package auth

import "testing"

func TestMonitorCan(t *testing.T) {
	var (
		analyst = User{Name: "ana", Role: RoleAnalyst}
		stats   = User{Name: "tjj", Role: RoleDepartment, Department: "统计局"}
		lanzhou = User{Name: "lz", Role: RolePrefecture, Unit: "620100"}
		yuzhong = User{Name: "yz", Role: RoleCounty, Unit: "620123"}
		viewer  = User{Name: "v", Role: RoleViewer}
	)
	fig := func(unit, pref string, released bool) Resource {
		return Resource{Kind: KindMonitor, Unit: unit, Prefecture: pref, Released: released}
	}
	prob := func(unit, pref string) Resource { return Resource{Kind: KindProblem, Unit: unit, Prefecture: pref} }
	for _, c := range []struct {
		name string
		u    User
		a    Action
		r    Resource
		want bool
	}{
		{"office reads before release", analyst, Read, fig("620123", "620100", false), true},
		{"office writes figures", analyst, Write, fig("620123", "620100", false), true},
		{"county reads own after release", yuzhong, Read, fig("620123", "620100", true), true},
		{"county not before release", yuzhong, Read, fig("620123", "620100", false), false},
		{"county not another county", yuzhong, Read, fig("620102", "620100", true), false},
		{"county never writes figures", yuzhong, Write, fig("620123", "620100", true), false},
		{"prefecture reads its county after release", lanzhou, Read, fig("620123", "620100", true), true},
		{"prefecture not another prefecture's", lanzhou, Read, fig("620821", "620800", true), false},
		{"department reads after release", stats, Read, fig("620821", "620800", true), true},
		{"department not before", stats, Read, fig("620821", "620800", false), false},
		{"viewer never", viewer, Read, fig("620123", "620100", true), false},
		{"office raises problems", analyst, Write, prob("620123", "620100"), true},
		{"office does not reply for a county", analyst, Reply, prob("620123", "620100"), false},
		{"county replies to its own", yuzhong, Reply, prob("620123", "620100"), true},
		{"county does not approve", yuzhong, Write, prob("620123", "620100"), false},
		{"county not another's problem", yuzhong, Read, prob("620821", "620800"), false},
		{"prefecture replies for its county", lanzhou, Reply, prob("620123", "620100"), true},
		{"department no problems", stats, Read, prob("620123", "620100"), false},
		{"anonymous nothing", Anonymous, Read, fig("620123", "620100", true), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Can(c.u, c.a, c.r); got != c.want {
				t.Errorf("Can = %v, want %v", got, c.want)
			}
		})
	}
}
