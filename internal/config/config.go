// Package config holds the server's settings and where they come from:
// defaults in code, overridden by a TOML file, then by QIANGXIAN_*
// environment variables, then by command-line flags. Every setting is one
// row of the fields table, which names its key (in the file and as a flag),
// its variable, whether it is secret, and how it is parsed; Load validates
// the result once, at start, so that a bad value stops the server before it
// listens.
package config

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// Config is the server's configuration.
type Config struct {
	Addr          string        // listen address, HOST:PORT
	DB            string        // SQLite file path or postgres:// DSN
	AdminPassword string        // the first administrator's password; generated when empty
	Demo          bool          // load the Gansu demo into an empty database
	IdleTimeout   time.Duration // a browser session ends after this long without a request
	TokenTTL      time.Duration // lifetime of API tokens made by POST /api/v1/tokens; 0 = no expiry
	// LoginFailures is how many failed logins one (username, address)
	// pair may make before each further attempt waits 2^(n−LoginFailures)
	// seconds after the last failure (n failures), at most LoginWindow.
	// The right password always works once the wait is over.
	LoginFailures int
	LoginWindow   time.Duration // the longest wait of the login back-off
	// TrustProxy believes X-Forwarded-For (the client's address, for login
	// throttling and the logs) and X-Forwarded-Proto (for Secure cookies).
	// Set it only behind a reverse proxy that overwrites these headers:
	// otherwise a client can claim any address. Without it behind a proxy,
	// every user shares the proxy's address: throttling is still per
	// (username, address) pair, but the loose per-address flood limit
	// (20 × LoginFailures failures a minute) counts the whole office.
	TrustProxy bool

	// Password policy (等保 identification and authentication):
	// PasswordMinLength characters at least (never under 8),
	// PasswordMaxAgeDays after which the next login must set a new
	// password (0: passwords do not expire), and PasswordHistory earlier
	// passwords a new one may not repeat.
	PasswordMinLength  int
	PasswordMaxAgeDays int
	PasswordHistory    int
	// TOTPAdmin requires administrators to log in with a TOTP code as
	// well: an administrator without one enrolled must enrol first.
	TOTPAdmin bool

	CookieSecure    string // auto (when the request came over TLS), always or never
	MaxUpload       int64  // largest import upload, bytes
	LogLevel        string // debug, info, warn, error
	LogFormat       string // text or json
	ShutdownTimeout time.Duration
	Limits          Limits // the [limits] section: what an upload may hold

	Deploy // TLS, metrics, 国密 and single sign-on (config_deploy.go)
}

// Default returns the built-in defaults.
func Default() Config {
	return Config{
		Addr:              "127.0.0.1:8080",
		DB:                "./data/qiangxian.db",
		Demo:              true,
		IdleTimeout:       30 * time.Minute,
		TokenTTL:          30 * 24 * time.Hour,
		LoginFailures:     5,
		LoginWindow:       15 * time.Minute,
		PasswordMinLength: 10,
		PasswordHistory:   5,
		CookieSecure:      "auto",
		MaxUpload:         64 << 20,
		LogLevel:          "info",
		LogFormat:         "text",
		ShutdownTimeout:   10 * time.Second,
		Limits:            DefaultLimits(),
		Deploy:            defaultDeploy(),
	}
}

// field is one setting: its key in the TOML file and as a flag, its
// environment variable, help in Chinese and English, and accessors.
type field struct {
	key    string
	env    string
	secret bool
	help   [2]string
	get    func(c *Config) string
	set    func(c *Config, s string) error
}

func str(p func(c *Config) *string) (func(*Config) string, func(*Config, string) error) {
	return func(c *Config) string { return *p(c) }, func(c *Config, s string) error { *p(c) = s; return nil }
}

func dur(p func(c *Config) *time.Duration) (func(*Config) string, func(*Config, string) error) {
	return func(c *Config) string { return p(c).String() }, func(c *Config, s string) error {
		d, err := time.ParseDuration(s)
		*p(c) = d
		return err
	}
}

func boolean(p func(c *Config) *bool) (func(*Config) string, func(*Config, string) error) {
	return func(c *Config) string { return strconv.FormatBool(*p(c)) }, func(c *Config, s string) error {
		b, err := strconv.ParseBool(s)
		*p(c) = b
		return err
	}
}

func integer(p func(c *Config) *int64) (func(*Config) string, func(*Config, string) error) {
	return func(c *Config) string { return strconv.FormatInt(*p(c), 10) }, func(c *Config, s string) error {
		n, err := strconv.ParseInt(s, 10, 64)
		*p(c) = n
		return err
	}
}

func small(p func(c *Config) *int) (func(*Config) string, func(*Config, string) error) {
	return func(c *Config) string { return strconv.Itoa(*p(c)) }, func(c *Config, s string) error {
		n, err := strconv.Atoi(s)
		*p(c) = n
		return err
	}
}

func mk(key string, secret bool, zh, en string, acc func() (func(*Config) string, func(*Config, string) error)) field {
	get, set := acc()
	env := "QIANGXIAN_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_")) // limits.rows: QIANGXIAN_LIMITS_ROWS
	return field{key: key, env: env, secret: secret, help: [2]string{zh, en}, get: get, set: set}
}

// fields lists every setting, in the order config dump prints them; the
// keys of a section ("limits.rows") come after the top-level ones.
var fields = append([]field{
	mk("addr", false, "监听地址 HOST:PORT", "listen address HOST:PORT", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.Addr })
	}),
	mk("db", false, "数据库：SQLite 文件路径或 postgres:// 连接串", "database: SQLite file path or postgres:// DSN", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.DB })
	}),
	mk("admin_password", true, "首个管理员 admin 的密码（为空则生成并打印一次）", "password of the first administrator admin (generated and printed once when empty)", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.AdminPassword })
	}),
	mk("demo", false, "空数据库时载入甘肃示例", "load the Gansu demo into an empty database", func() (func(*Config) string, func(*Config, string) error) {
		return boolean(func(c *Config) *bool { return &c.Demo })
	}),
	mk("idle_timeout", false, "浏览器会话空闲超时", "browser session idle timeout", func() (func(*Config) string, func(*Config, string) error) {
		return dur(func(c *Config) *time.Duration { return &c.IdleTimeout })
	}),
	mk("token_ttl", false, "API 令牌有效期（0 为不过期）", "API token lifetime (0: no expiry)", func() (func(*Config) string, func(*Config, string) error) {
		return dur(func(c *Config) *time.Duration { return &c.TokenTTL })
	}),
	mk("login_failures", false, "同一用户名、同一地址登录失败多少次后开始逐次延时（1、2、4…秒）", "failed logins of one username at one address before each attempt waits (1, 2, 4 … s)", func() (func(*Config) string, func(*Config, string) error) {
		return small(func(c *Config) *int { return &c.LoginFailures })
	}),
	mk("login_window", false, "登录失败后最长等待时间", "longest wait after failed logins", func() (func(*Config) string, func(*Config, string) error) {
		return dur(func(c *Config) *time.Duration { return &c.LoginWindow })
	}),
	mk("trust_proxy", false, "信任反向代理的 X-Forwarded-For/-Proto（仅在会覆盖这两个头的反向代理之后开启）", "trust X-Forwarded-For/-Proto (only behind a reverse proxy that overwrites them)", func() (func(*Config) string, func(*Config, string) error) {
		return boolean(func(c *Config) *bool { return &c.TrustProxy })
	}),
	mk("password_min_length", false, "密码最短长度（不低于 8）", "shortest password (8 at least)", func() (func(*Config) string, func(*Config, string) error) {
		return small(func(c *Config) *int { return &c.PasswordMinLength })
	}),
	mk("password_max_age_days", false, "密码有效期（天），到期后下次登录须修改；0 为不过期", "password lifetime in days, after which the next login must change it; 0: no expiry", func() (func(*Config) string, func(*Config, string) error) {
		return small(func(c *Config) *int { return &c.PasswordMaxAgeDays })
	}),
	mk("password_history", false, "新密码不能与最近多少次的密码相同（0 为不检查）", "how many earlier passwords a new one may not repeat (0: none)", func() (func(*Config) string, func(*Config, string) error) {
		return small(func(c *Config) *int { return &c.PasswordHistory })
	}),
	mk("totp_admin", false, "管理员登录必须使用动态口令（TOTP）", "administrators must log in with a TOTP code", func() (func(*Config) string, func(*Config, string) error) {
		return boolean(func(c *Config) *bool { return &c.TOTPAdmin })
	}),
	mk("cookie_secure", false, "会话 Cookie 的 Secure 属性：auto、always、never", "Secure attribute of the session cookie: auto, always, never", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.CookieSecure })
	}),
	mk("max_upload", false, "导入文件大小上限（字节）", "largest import upload (bytes)", func() (func(*Config) string, func(*Config, string) error) {
		return integer(func(c *Config) *int64 { return &c.MaxUpload })
	}),
	mk("log_level", false, "日志级别：debug、info、warn、error", "log level: debug, info, warn, error", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.LogLevel })
	}),
	mk("log_format", false, "日志格式：text 或 json", "log format: text or json", func() (func(*Config) string, func(*Config, string) error) {
		return str(func(c *Config) *string { return &c.LogFormat })
	}),
	mk("shutdown_timeout", false, "停止时等待请求完成的时间", "how long shutdown waits for requests", func() (func(*Config) string, func(*Config, string) error) {
		return dur(func(c *Config) *time.Duration { return &c.ShutdownTimeout })
	}),
}, append(deployFields, limitFields...)...)

// FileEnv is the variable naming the TOML file when --config is not given.
const FileEnv = "QIANGXIAN_CONFIG"

// Flags registers --config and one flag per setting on fs and returns a
// function that, after fs.Parse, gives the config file and the flags that
// were set, ready for Load. Flags carry no defaults of their own: an unset
// flag leaves the lower layers alone.
func Flags(fs *flag.FlagSet, lang string) func() (file string, set map[string]string) {
	file := fs.String("config", "", pick(lang, "TOML 配置文件（也可用 "+FileEnv+"）", "TOML config file (or "+FileEnv+")"))
	vals := map[string]*string{}
	for _, f := range fields {
		vals[f.key] = fs.String(strings.ReplaceAll(f.key, "_", "-"), "", pick(lang, f.help[0], f.help[1]))
	}
	return func() (string, map[string]string) {
		set := map[string]string{}
		fs.Visit(func(fl *flag.Flag) {
			key := strings.ReplaceAll(fl.Name, "-", "_")
			if v, ok := vals[key]; ok {
				set[key] = *v
			}
		})
		return *file, set
	}
}

func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// Load builds the configuration: defaults, then the TOML file (file, or the
// one named by QIANGXIAN_CONFIG; none when both are empty), then the
// environment, then flags (keys as in the file). The result is validated.
func Load(file string, getenv func(string) string, flags map[string]string) (Config, error) {
	c := Default()
	if file == "" {
		file = getenv(FileEnv)
	}
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return c, fmt.Errorf("config: %w", err)
		}
		if err := c.applyTOML(file, b); err != nil {
			return c, err
		}
	}
	for _, f := range fields {
		if v := getenv(f.env); v != "" {
			if err := f.set(&c, v); err != nil {
				return c, fmt.Errorf("config: %s=%q: %w", f.env, v, err)
			}
		}
	}
	for key, v := range flags {
		f, ok := lookup(key)
		if !ok {
			return c, fmt.Errorf("config: unknown setting %q", key)
		}
		if err := f.set(&c, v); err != nil {
			return c, fmt.Errorf("config: --%s=%q: %w", strings.ReplaceAll(key, "_", "-"), v, err)
		}
	}
	return c, c.Validate()
}

func lookup(key string) (field, bool) {
	for _, f := range fields {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

// applyTOML sets the keys of a TOML document; an unknown key is an error,
// because a misspelt setting silently ignored is worse than a refusal.
func (c *Config) applyTOML(file string, b []byte) error {
	var m map[string]any
	if err := toml.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("config: %s: %w", file, err)
	}
	for key, v := range flatten("", m) {
		f, ok := lookup(key)
		if !ok {
			return fmt.Errorf("config: %s: unknown setting %q", file, key)
		}
		if err := f.set(c, fmt.Sprint(v)); err != nil {
			return fmt.Errorf("config: %s: %s = %v: %w", file, key, v, err)
		}
	}
	return nil
}

// Validate checks the values together.
func (c Config) Validate() error {
	var bad []string
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		bad = append(bad, fmt.Sprintf("addr %q is not HOST:PORT", c.Addr))
	}
	if strings.TrimSpace(c.DB) == "" {
		bad = append(bad, "db is empty")
	}
	if c.IdleTimeout < time.Minute {
		bad = append(bad, fmt.Sprintf("idle_timeout %s is under a minute", c.IdleTimeout))
	}
	if c.TokenTTL < 0 || c.LoginWindow <= 0 || c.ShutdownTimeout < 0 {
		bad = append(bad, "token_ttl, login_window and shutdown_timeout must not be negative (login_window > 0)")
	}
	if c.PasswordMinLength < 8 {
		bad = append(bad, fmt.Sprintf("password_min_length %d is under 8", c.PasswordMinLength))
	}
	if c.PasswordMaxAgeDays < 0 || c.PasswordHistory < 0 || c.PasswordHistory > 24 {
		bad = append(bad, fmt.Sprintf("password_max_age_days %d must be 0 or more, password_history %d from 0 to 24", c.PasswordMaxAgeDays, c.PasswordHistory))
	}
	if c.LoginFailures < 1 {
		bad = append(bad, fmt.Sprintf("login_failures %d is under 1", c.LoginFailures))
	}
	if c.CookieSecure != "auto" && c.CookieSecure != "always" && c.CookieSecure != "never" {
		bad = append(bad, fmt.Sprintf("cookie_secure %q is not auto, always or never", c.CookieSecure))
	}
	if c.MaxUpload < 1<<10 {
		bad = append(bad, fmt.Sprintf("max_upload %d is under 1 KiB", c.MaxUpload))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		bad = append(bad, fmt.Sprintf("log_level %q is not debug, info, warn or error", c.LogLevel))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		bad = append(bad, fmt.Sprintf("log_format %q is not text or json", c.LogFormat))
	}
	bad = append(bad, c.Deploy.problems()...)
	bad = append(bad, c.Limits.problems()...)
	if len(bad) > 0 {
		return fmt.Errorf("config: %s", strings.Join(bad, "; "))
	}
	return nil
}

// Dump writes the configuration as a TOML file that Load reads back, with
// secrets masked: a secret setting shows "********" when set, and a
// database DSN hides its password.
func (c Config) Dump(w io.Writer) error {
	var b bytes.Buffer
	section := ""
	for _, f := range fields {
		v := f.get(&c)
		key := f.key
		if sec, k, ok := strings.Cut(f.key, "."); ok {
			if sec != section {
				fmt.Fprintf(&b, "\n[%s]\n", sec)
				section = sec
			}
			key = k
		}
		switch {
		case f.secret && v != "":
			v = "********"
		case f.key == "db":
			v = maskDSN(v)
		}
		fmt.Fprintf(&b, "# %s\n%s = %s\n", f.help[1], key, tomlValue(f.key, v))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// tomlValue quotes strings and leaves numbers and booleans bare.
func tomlValue(key, v string) string {
	switch key {
	case "demo", "trust_proxy", "totp_admin", "admin_separation":
		return v
	case "login_failures", "max_upload":
		return v
	}
	if strings.HasPrefix(key, "limits.") {
		return v // all numbers
	}
	return strconv.Quote(v)
}

// maskDSN hides the password of a postgres:// DSN, in its user information
// or in a password= parameter.
func maskDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// PasswordPolicy is the password rules the settings make.
func (c Config) PasswordPolicy() auth.PasswordPolicy {
	return auth.PasswordPolicy{MinLength: c.PasswordMinLength, MaxAge: time.Duration(c.PasswordMaxAgeDays) * 24 * time.Hour,
		History: c.PasswordHistory}
}
