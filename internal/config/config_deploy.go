package config

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/gm"
)

// Deploy is what a government deployment sets beyond the defaults: TLS
// served directly, the Prometheus listener, the 国密 options, three-admin
// separation and single sign-on. Everything is off when empty.
type Deploy struct {
	TLSCert string // PEM certificate chain; with TLSKey the server speaks HTTPS itself
	TLSKey  string // PEM private key
	// MetricsAddr is HOST:PORT of a separate listener serving Prometheus
	// text metrics at /metrics; empty: no such listener.
	MetricsAddr string
	AuditHash   string // hash of new audit rows' chain: sha256 or sm3
	BackupKey   string // 32 hex digits: backups are SM4-GCM encrypted with it
	// AdminSeparation splits the administrator's powers into 三员 (see
	// auth.Duty): the administrator accounts listed in SecurityAdmins are
	// 安全管理员, those in AuditAdmins 审计管理员, the others 系统管理员.
	AdminSeparation bool
	SecurityAdmins  string // administrator accounts that are 安全管理员, comma-separated
	AuditAdmins     string // administrator accounts that are 审计管理员, comma-separated

	// Single sign-on. PublicURL is the address users open (https://…);
	// the OIDC redirect URI is PublicURL/login/oidc/callback and the CAS
	// service PublicURL/login/cas/callback.
	PublicURL        string
	OIDCIssuer       string // https://idp…; discovery at /.well-known/openid-configuration
	OIDCClientID     string
	OIDCClientSecret string
	CASURL           string // CAS server prefix, e.g. https://cas…/cas
	// SSOUsernameClaim names the ID token claim (OIDC) or CAS attribute
	// holding the local username; CAS falls back to cas:user.
	SSOUsernameClaim string
	// SSORoleClaim and SSORoleMap give the role of an account made at its
	// first single sign-on: "VALUE=role,VALUE=role" over the claim's
	// values (a string or a list); the first match wins, else
	// SSODefaultRole. With SSODefaultRole empty and no match, only
	// existing local accounts may sign on. Administrators are never made
	// this way.
	SSORoleClaim   string
	SSORoleMap     string
	SSODefaultRole string
}

func defaultDeploy() Deploy {
	return Deploy{AuditHash: "sha256", SSOUsernameClaim: "preferred_username"}
}

// OIDC reports whether OIDC sign-on is configured.
func (d Deploy) OIDC() bool { return d.OIDCIssuer != "" }

// CAS reports whether CAS sign-on is configured.
func (d Deploy) CAS() bool { return d.CASURL != "" }

// TLS reports whether the server serves HTTPS itself.
func (d Deploy) TLS() bool { return d.TLSCert != "" }

// SSORole returns the role of an account first signed on with the given
// values of SSORoleClaim, and whether one may be made.
func (d Deploy) SSORole(values []string) (auth.Role, bool) {
	for _, pair := range strings.Split(d.SSORoleMap, ",") {
		v, role, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if !ok {
			continue
		}
		for _, got := range values {
			if got == strings.TrimSpace(v) {
				return auth.Role(strings.TrimSpace(role)), true
			}
		}
	}
	if d.SSODefaultRole != "" {
		return auth.Role(d.SSODefaultRole), true
	}
	return "", false
}

func (d Deploy) problems() []string {
	var bad []string
	if (d.TLSCert == "") != (d.TLSKey == "") {
		bad = append(bad, "tls_cert and tls_key go together")
	}
	if d.MetricsAddr != "" {
		if _, _, err := net.SplitHostPort(d.MetricsAddr); err != nil {
			bad = append(bad, fmt.Sprintf("metrics_addr %q is not HOST:PORT", d.MetricsAddr))
		}
	}
	if d.AuditHash != "sha256" && d.AuditHash != "sm3" {
		bad = append(bad, fmt.Sprintf("audit_hash %q is not sha256 or sm3", d.AuditHash))
	}
	if d.BackupKey != "" {
		if _, err := gm.ParseKey(d.BackupKey); err != nil {
			bad = append(bad, "backup_key is not 32 hex digits (an SM4 key)")
		}
	}
	if d.OIDC() || d.CAS() {
		if u, err := url.Parse(d.PublicURL); err != nil || u.Scheme == "" || u.Host == "" {
			bad = append(bad, fmt.Sprintf("public_url %q must be the absolute address users open, for single sign-on", d.PublicURL))
		}
		if d.SSOUsernameClaim == "" {
			bad = append(bad, "sso_username_claim is empty")
		}
	}
	if d.AdminSeparation {
		if strings.TrimSpace(d.SecurityAdmins) == "" || strings.TrimSpace(d.AuditAdmins) == "" {
			bad = append(bad, "admin_separation needs security_admins and audit_admins")
		}
		for _, n := range strings.Split(d.SecurityAdmins, ",") {
			if listed(d.AuditAdmins, strings.TrimSpace(n)) {
				bad = append(bad, fmt.Sprintf("%q is both a security and an audit administrator", strings.TrimSpace(n)))
			}
		}
	}
	if d.OIDC() && d.OIDCClientID == "" {
		bad = append(bad, "oidc_client_id is empty")
	}
	roles := []string{d.SSODefaultRole}
	for _, pair := range strings.Split(d.SSORoleMap, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		_, role, ok := strings.Cut(pair, "=")
		if !ok {
			bad = append(bad, fmt.Sprintf("sso_role_map %q: want VALUE=role", pair))
		}
		roles = append(roles, strings.TrimSpace(role))
	}
	for _, r := range roles {
		switch auth.Role(r) {
		case "", auth.RoleAnalyst, auth.RoleViewer:
		default:
			bad = append(bad, fmt.Sprintf("single sign-on makes accounts of roles analyst or viewer only (the others need a scope or are administrators), not %q", r))
		}
	}
	return bad
}

var deployFields = []field{
	mk("tls_cert", false, "TLS 证书（PEM）；与 tls_key 同设时直接提供 HTTPS", "TLS certificate (PEM); with tls_key the server serves HTTPS itself", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.TLSCert })
	}),
	mk("tls_key", false, "TLS 私钥文件（PEM）", "TLS private key file (PEM)", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.TLSKey })
	}),
	mk("metrics_addr", false, "Prometheus 指标的独立监听地址 HOST:PORT（为空则不开）", "separate listener HOST:PORT for Prometheus metrics (empty: none)", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.MetricsAddr })
	}),
	mk("audit_hash", false, "审计日志哈希链算法：sha256 或 sm3（国密）", "hash of the audit log chain: sha256 or sm3", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.AuditHash })
	}),
	mk("backup_key", true, "备份加密密钥（SM4，32 位十六进制）；设置后备份文件均加密", "backup encryption key (SM4, 32 hex digits); when set every backup is encrypted", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.BackupKey })
	}),
	mk("admin_separation", false, "三员分立：系统管理员、安全管理员、审计管理员", "three-admin separation: system, security and audit administrators", func() (func(*Config) string, func(*Config, string) error) {
		return boolean(func(c *Config) *bool { return &c.AdminSeparation })
	}),
	mk("security_admins", false, "三员分立：安全管理员账号（逗号分隔，须为 admin 角色）", "three-admin separation: security administrator accounts (comma-separated, role admin)", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.SecurityAdmins })
	}),
	mk("audit_admins", false, "三员分立：审计管理员账号（逗号分隔，须为 admin 角色）", "three-admin separation: audit administrator accounts (comma-separated, role admin)", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.AuditAdmins })
	}),
	mk("public_url", false, "用户访问的外部地址（单点登录回调用）", "the address users open (for single sign-on callbacks)", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.PublicURL })
	}),
	mk("oidc_issuer", false, "OIDC 身份提供方地址", "OIDC identity provider (issuer)", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.OIDCIssuer })
	}),
	mk("oidc_client_id", false, "OIDC 客户端标识", "OIDC client id", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.OIDCClientID })
	}),
	mk("oidc_client_secret", true, "OIDC 客户端密钥（公开客户端留空，仅用 PKCE）", "OIDC client secret (empty for a public client: PKCE only)", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.OIDCClientSecret })
	}),
	mk("cas_url", false, "CAS 服务器地址前缀", "CAS server prefix", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.CASURL })
	}),
	mk("sso_username_claim", false, "作为本地用户名的身份声明（OIDC）或属性（CAS）", "claim (OIDC) or attribute (CAS) holding the local username", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.SSOUsernameClaim })
	}),
	mk("sso_role_claim", false, "首次单点登录建账号时据以定角色的声明", "claim that decides the role of an account made at first sign-on", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.SSORoleClaim })
	}),
	mk("sso_role_map", false, "声明值到角色的映射：值=角色,值=角色", "claim value to role: VALUE=role,VALUE=role", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.SSORoleMap })
	}),
	mk("sso_default_role", false, "无映射时新建账号的角色（为空则只允许已有账号）", "role of a new account when nothing maps (empty: existing accounts only)", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.SSODefaultRole })
	}),
}

// AdminDuty is the duty of the administrator account username under
// three-admin separation: none when it is off, else security or audit for
// the accounts listed in security_admins or audit_admins, system for the
// other administrators.
func (d Deploy) AdminDuty(username string) auth.Duty {
	switch {
	case !d.AdminSeparation:
		return auth.DutyNone
	case listed(d.SecurityAdmins, username):
		return auth.DutySecurity
	case listed(d.AuditAdmins, username):
		return auth.DutyAudit
	}
	return auth.DutySystem
}

func listed(list, name string) bool {
	for _, n := range strings.Split(list, ",") {
		if strings.TrimSpace(n) == name {
			return true
		}
	}
	return false
}
