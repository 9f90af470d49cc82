package config

import (
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
)

func TestDeployRefuses(t *testing.T) {
	sso := "public_url = \"https://pj.example\"\noidc_issuer = \"https://idp.example\"\noidc_client_id = \"qx\"\n"
	for _, tc := range []struct{ name, toml, want string }{
		{"cert without key", `tls_cert = "a.crt"`, "tls_cert and tls_key"},
		{"metrics not host:port", `metrics_addr = "9464"`, "metrics_addr"},
		{"unknown audit hash", `audit_hash = "md5"`, "audit_hash"},
		{"short SM4 key", `backup_key = "0011"`, "backup_key"},
		{"separation without lists", `admin_separation = true`, "security_admins and audit_admins"},
		{"one admin with two duties", "admin_separation = true\nsecurity_admins = \"a,b\"\naudit_admins = \"b\"", `"b" is both`},
		{"oidc without public url", `oidc_issuer = "https://idp.example"` + "\noidc_client_id = \"qx\"", "public_url"},
		{"oidc without client", "public_url = \"https://pj.example\"\noidc_issuer = \"https://idp.example\"", "oidc_client_id"},
		{"sso makes administrators", sso + `sso_default_role = "admin"`, "analyst or viewer"},
		{"sso role map to a scoped role", sso + `sso_role_map = "x=county"`, "analyst or viewer"},
		{"sso role map without =", sso + `sso_role_map = "x"`, "VALUE=role"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Default()
			err := c.applyTOML("t.toml", []byte(tc.toml))
			if err == nil {
				err = c.Validate()
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error naming %q", err, tc.want)
			}
		})
	}
	c := Default()
	if err := c.applyTOML("t.toml", []byte(sso+"cas_url = \"https://cas.example/cas\"\ntls_cert = \"a\"\ntls_key = \"b\"\naudit_hash = \"sm3\"\nbackup_key = \"0123456789abcdeffedcba9876543210\"")); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil || !c.OIDC() || !c.CAS() || !c.TLS() {
		t.Errorf("a full deployment config: %v", err)
	}
}

func TestSSORoleAndDuty(t *testing.T) {
	d := Deploy{SSORoleMap: "统计局=analyst, public = viewer"}
	for _, tc := range []struct {
		values []string
		role   auth.Role
		ok     bool
	}{
		{[]string{"x", "统计局"}, auth.RoleAnalyst, true},
		{[]string{"public"}, auth.RoleViewer, true},
		{[]string{"other"}, "", false},
		{nil, "", false},
	} {
		if role, ok := d.SSORole(tc.values); role != tc.role || ok != tc.ok {
			t.Errorf("SSORole(%v) = %q %v, want %q %v", tc.values, role, ok, tc.role, tc.ok)
		}
	}
	d.SSODefaultRole = "viewer"
	if role, ok := d.SSORole([]string{"other"}); role != auth.RoleViewer || !ok {
		t.Errorf("default role: %q %v", role, ok)
	}
	d = Deploy{SecurityAdmins: "anquan, sec2", AuditAdmins: "shenji"}
	if got := d.AdminDuty("anquan"); got != auth.DutyNone {
		t.Errorf("separation off: duty %q", got)
	}
	d.AdminSeparation = true
	for name, want := range map[string]auth.Duty{"anquan": auth.DutySecurity, "sec2": auth.DutySecurity, "shenji": auth.DutyAudit, "admin": auth.DutySystem} {
		if got := d.AdminDuty(name); got != want {
			t.Errorf("AdminDuty(%s) = %q, want %q", name, got, want)
		}
	}
}
