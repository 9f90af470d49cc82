package auth

import "testing"

func TestInvestLedgerScope(t *testing.T) {
	cases := []struct {
		name      string
		u         User
		anonymous bool
		ok        bool
		covers    map[string]bool // county → covered
		talks     map[string]bool // county → sees its 洽谈 projects
	}{
		{"anonymous", Anonymous, true, false, nil, map[string]bool{"620622": false}},
		{"admin", User{Role: RoleAdmin}, false, true, map[string]bool{"620622": true, "620102": true}, map[string]bool{"620622": false}},
		{"viewer", User{Role: RoleViewer}, false, true, map[string]bool{"620622": true}, map[string]bool{"620622": false}},
		{"department", User{Role: RoleDepartment, Department: "统计局"}, false, true, map[string]bool{"620102": true}, nil},
		// 武威市 620600: 古浪县 620622 and 凉州区 620602, not 兰州 620102.
		{"prefecture", User{Role: RolePrefecture, Unit: "620600"}, false, true,
			map[string]bool{"620622": true, "620602": true, "620102": false}, map[string]bool{"620622": false}},
		{"county", User{Role: RoleCounty, Unit: "620622"}, false, true,
			map[string]bool{"620622": true, "620602": false}, map[string]bool{"620622": true, "620602": false}},
		{"county without unit", User{Role: RoleCounty}, false, false, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, ok := InvestLedgerScope(c.u, c.anonymous)
			if ok != c.ok {
				t.Fatalf("ok = %v, want %v", ok, c.ok)
			}
			for county, want := range c.covers {
				if got := s.Covers(county); got != want {
					t.Errorf("covers %s = %v, want %v", county, got, want)
				}
			}
			for county, want := range c.talks {
				if got := InvestSeesTalks(c.u, county); got != want {
					t.Errorf("sees talks of %s = %v, want %v", county, got, want)
				}
			}
		})
	}
}

func TestInvestReportRole(t *testing.T) {
	for _, c := range []struct {
		u      User
		county string
		want   string
		months bool
	}{
		{User{Role: RoleCounty, Unit: "620622"}, "620622", "county", false},
		{User{Role: RoleCounty, Unit: "620622"}, "620602", "", false},
		{User{Role: RolePrefecture, Unit: "620600"}, "620622", "prefecture", false},
		{User{Role: RolePrefecture, Unit: "620600"}, "620102", "", false},
		{User{Role: RoleAnalyst}, "620102", "province", true},
		{User{Role: RoleAdmin}, "620102", "province", true},
		{User{Role: RoleDepartment, Department: "统计局"}, "620102", "", false},
		{User{Role: RoleViewer}, "620102", "", false},
	} {
		if got := InvestReportRole(c.u, c.county); got != c.want {
			t.Errorf("%s/%s on %s: %q, want %q", c.u.Role, c.u.Unit, c.county, got, c.want)
		}
		if got := InvestManagesMonths(c.u); got != c.months {
			t.Errorf("%s manages months: %v", c.u.Role, got)
		}
	}
}
