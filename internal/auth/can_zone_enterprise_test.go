package auth

import "testing"

func TestCanZoneEnterprise(t *testing.T) {
	// 兰州新区 (620171) is hosted by 兰州市 (620100) itself; SJ05 by 永登县 (620121).
	xq := ZoneScope{Zone: "620171", Host: "620100", Prefecture: "620100"}
	sj := ZoneScope{Zone: "SJ05", Host: "620121", Prefecture: "620100"}
	for _, tc := range []struct {
		name string
		u    User
		a    Action
		z    ZoneScope
		want bool
	}{
		{"anonymous reads nothing", Anonymous, Read, xq, false},
		{"a viewer reads nothing", User{Name: "v", Role: RoleViewer}, Read, xq, false},
		{"analyst reads", User{Name: "a", Role: RoleAnalyst}, Read, sj, true},
		{"analyst writes", User{Name: "a", Role: RoleAnalyst}, Write, sj, true},
		{"admin writes", User{Name: "root", Role: RoleAdmin}, Write, xq, true},
		{"office head reads", User{Name: "h", Role: RoleOfficeHead}, Read, xq, true},
		{"office head writes not", User{Name: "h", Role: RoleOfficeHead}, Write, xq, false},
		{"department reads not", User{Name: "d", Role: RoleDepartment, Department: "税务局"}, Read, xq, false},
		{"prefecture reads its zone", User{Name: "p", Role: RolePrefecture, Unit: "620100"}, Read, sj, true},
		{"another prefecture reads not", User{Name: "p", Role: RolePrefecture, Unit: "620800"}, Read, sj, false},
		{"prefecture writes not", User{Name: "p", Role: RolePrefecture, Unit: "620100"}, Write, sj, false},
		{"host county reads", User{Name: "c", Role: RoleCounty, Unit: "620121"}, Read, sj, true},
		{"zone user reads her zone", User{Name: "z", Role: RoleCounty, Unit: "SJ05"}, Read, sj, true},
		{"zone user reads another zone not", User{Name: "z", Role: RoleCounty, Unit: "SJ05"}, Read, xq, false},
		{"another county reads not", User{Name: "c", Role: RoleCounty, Unit: "620122"}, Read, sj, false},
		{"a county writes not", User{Name: "c", Role: RoleCounty, Unit: "620121"}, Write, sj, false},
		{"admin publishes nothing here", User{Name: "root", Role: RoleAdmin}, Publish, xq, false},
		{"a county without unit reads nothing", User{Name: "c", Role: RoleCounty}, Read, ZoneScope{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := CanZoneEnterprise(tc.u, tc.a, tc.z); got != tc.want {
				t.Errorf("CanZoneEnterprise = %v, want %v", got, tc.want)
			}
		})
	}
}
