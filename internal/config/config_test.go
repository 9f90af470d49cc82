package config

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLayers: defaults < file < environment < flags, per setting.
func TestLayers(t *testing.T) {
	file := filepath.Join(t.TempDir(), "qx.toml")
	os.WriteFile(file, []byte("addr = \"0.0.0.0:9000\"\nidle_timeout = \"10m\"\nlogin_failures = 7\ndemo = false\n"), 0o600)
	env := map[string]string{"QIANGXIAN_IDLE_TIMEOUT": "20m", "QIANGXIAN_LOGIN_FAILURES": "8"}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags := Flags(fs, "en")
	if err := fs.Parse([]string{"--login-failures", "9"}); err != nil {
		t.Fatal(err)
	}
	f, set := flags()
	if f != "" {
		t.Errorf("--config = %q, want empty", f)
	}
	c, err := Load(file, func(k string) string { return env[k] }, set)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want any
	}{
		{"addr from the file", c.Addr, "0.0.0.0:9000"},
		{"db default", c.DB, "./data/qiangxian.db"},
		{"demo from the file", c.Demo, false},
		{"idle_timeout from the environment", c.IdleTimeout, 20 * time.Minute},
		{"login_failures from the flag", c.LoginFailures, 9},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestLoadRefuses(t *testing.T) {
	dir := t.TempDir()
	n := 0
	write := func(s string) string {
		n++
		p := filepath.Join(dir, fmt.Sprintf("c%d.toml", n))
		os.WriteFile(p, []byte(s), 0o600)
		return p
	}
	none := func(string) string { return "" }
	tests := []struct {
		name, file string
		env        map[string]string
		flags      map[string]string
		want       string
	}{
		{"unknown key", write("adress = \"x\"\n"), nil, nil, `unknown setting "adress"`},
		{"bad duration", write("idle_timeout = \"soon\"\n"), nil, nil, "idle_timeout"},
		{"bad address", "", map[string]string{"QIANGXIAN_ADDR": "8080"}, nil, "HOST:PORT"},
		{"short idle timeout", "", nil, map[string]string{"idle_timeout": "30s"}, "under a minute"},
		{"cookie_secure", "", nil, map[string]string{"cookie_secure": "sometimes"}, "cookie_secure"},
		{"log level", "", nil, map[string]string{"log_level": "loud"}, "log_level"},
		{"missing file", filepath.Join(dir, "absent.toml"), nil, nil, "absent.toml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := none
			if tt.env != nil {
				getenv = func(k string) string { return tt.env[k] }
			}
			_, err := Load(tt.file, getenv, tt.flags)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// TestDumpMasksSecretsAndReloads: the dump hides the password and the
// DSN's password, and reads back as the same configuration otherwise.
func TestDumpMasksSecretsAndReloads(t *testing.T) {
	c := Default()
	c.AdminPassword = "Top-Secret-2024"
	c.DB = "postgres://qx:hunter2@db.example:5432/qx?sslmode=disable&password=hunter3"
	var b bytes.Buffer
	if err := c.Dump(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, secret := range []string{"Top-Secret", "hunter2", "hunter3"} {
		if strings.Contains(out, secret) {
			t.Errorf("dump shows %q:\n%s", secret, out)
		}
	}
	file := filepath.Join(t.TempDir(), "dump.toml")
	os.WriteFile(file, b.Bytes(), 0o600)
	back, err := Load(file, func(string) string { return "" }, nil)
	if err != nil {
		t.Fatalf("the dump does not load: %v\n%s", err, out)
	}
	back.AdminPassword, back.DB = c.AdminPassword, c.DB
	if back != c {
		t.Errorf("reloaded %+v, want %+v", back, c)
	}
}

// TestPasswordSettings: the policy's defaults (length 10, no expiry, 5 kept)
// and the values Validate refuses.
func TestPasswordSettings(t *testing.T) {
	d := Default()
	if d.PasswordMinLength != 10 || d.PasswordMaxAgeDays != 0 || d.PasswordHistory != 5 || d.TOTPAdmin {
		t.Errorf("defaults: min %d, max age %d, history %d, totp %v", d.PasswordMinLength, d.PasswordMaxAgeDays, d.PasswordHistory, d.TOTPAdmin)
	}
	file := filepath.Join(t.TempDir(), "qx.toml")
	os.WriteFile(file, []byte("password_min_length = 12\npassword_max_age_days = 90\ntotp_admin = true\n"), 0o600)
	c, err := Load(file, func(string) string { return "" }, map[string]string{"password_history": "3"})
	if err != nil {
		t.Fatal(err)
	}
	if c.PasswordMinLength != 12 || c.PasswordMaxAgeDays != 90 || c.PasswordHistory != 3 || !c.TOTPAdmin {
		t.Errorf("loaded: %+v", c)
	}
	for _, bad := range []map[string]string{
		{"password_min_length": "7"},
		{"password_max_age_days": "-1"},
		{"password_history": "25"},
	} {
		if _, err := Load("", func(string) string { return "" }, bad); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
