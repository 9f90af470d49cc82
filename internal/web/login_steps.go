package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	locale.Register(map[string][2]string{
		"web.otp":         {"动态口令错误或已使用", "wrong or already used TOTP code"},
		"web.otpMissing":  {"管理员必须使用动态口令登录，请先用 qiangxian user totp 注册", "administrators must log in with a TOTP code: enrol first with qiangxian user totp"},
		"web.mustChange":  {"密码已过期或已被管理员重置，请先在浏览器登录页设置新密码", "the password has expired or was reset by an administrator: set a new one on the browser login page first"},
		"web.stepExpired": {"登录步骤已超时，请重新登录", "the login step has timed out; please log in again"},
	})
	registerUI(map[string][2]string{
		"login.otp":         {"动态口令（身份验证器应用中的 6 位数字）", "TOTP code (6 digits from the authenticator app)"},
		"login.otpIntro":    {"密码正确。请输入动态口令完成登录。", "Password accepted. Enter your TOTP code to finish logging in."},
		"login.newPass":     {"新密码", "New password"},
		"login.changeIntro": {"您的密码已过期或已被管理员重置，请设置新密码后继续。", "Your password has expired or was reset by an administrator; choose a new one to go on."},
	})
}

// A login of more than one step (password, then TOTP code, then a new
// password when the old one expired) carries a step token from one form to
// the next: the username, the step and the time it ends (5 minutes),
// signed with HMAC-SHA256 under a key made at start. The password is never
// carried. A step token made by one server process is refused by another
// (and after a restart): the user then starts again from her password.
const (
	stepOTP    = "otp"
	stepChange = "change"
	stepTTL    = 5 * time.Minute
)

var stepKey = sync.OnceValue(func() []byte {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		panic(err)
	}
	return k
})

func stepSign(payload string) string {
	m := hmac.New(sha256.New, stepKey())
	m.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// makeStep returns the token of step for username, ending stepTTL from now.
func makeStep(username, step string, now time.Time) string {
	p := base64.RawURLEncoding.EncodeToString([]byte(username)) + "." + step + "." + strconv.FormatInt(now.Add(stepTTL).Unix(), 10)
	return p + "." + stepSign(p)
}

// readStep returns the username and step of a token signed here and not
// yet ended, or ok false.
func readStep(token string, now time.Time) (username, step string, ok bool) {
	i := strings.LastIndexByte(token, '.')
	if i < 0 || !hmac.Equal([]byte(token[i+1:]), []byte(stepSign(token[:i]))) {
		return "", "", false
	}
	parts := strings.Split(token[:i], ".")
	if len(parts) != 3 {
		return "", "", false
	}
	end, err := strconv.ParseInt(parts[2], 10, 64)
	name, err2 := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil || err2 != nil || now.Unix() > end {
		return "", "", false
	}
	return string(name), parts[1], true
}

// needsOTP returns the user's TOTP secret, and an error when she must have
// one (totp_admin and an administrator) but has none.
func (s *Server) needsOTP(ctx context.Context, u store.User) (string, error) {
	secret, err := s.db.TOTPSecret(ctx, u.Username)
	if err != nil {
		return "", err
	}
	if secret == "" && s.cfg.TOTPAdmin && u.Role == auth.RoleAdmin {
		return "", errorf(EForbidden, "web.otpMissing")
	}
	return secret, nil
}

// mustChange reports whether u must choose a new password before she logs
// in: an administrator reset it, or it is older than password_max_age_days.
func (s *Server) mustChange(u store.User) bool {
	return u.MustChangePassword || s.cfg.PasswordPolicy().Expired(u.PasswordChangedAt, s.now())
}

// checkOTP checks a TOTP code of u, throttled and recorded as a password
// is: a wrong code counts as a failed login.
func (s *Server) checkOTP(r *http.Request, u store.User, secret, code string) error {
	ctx := r.Context()
	remote := s.remote(r)
	wait, err := s.loginWait(ctx, u.Username, remote)
	if err != nil {
		return err
	}
	if wait > 0 {
		return s.throttled(ctx, "login", u.Username, remote, wait)
	}
	ok, step := auth.VerifyTOTP(secret, code, s.now())
	if ok {
		if ok, err = s.db.UseTOTPStep(ctx, u.Username, step); err != nil {
			return err
		}
	}
	if err := s.db.RecordLogin(ctx, u.Username, remote, ok); err != nil {
		return err
	}
	if !ok {
		return errorf(EUnauthenticated, "web.otp")
	}
	return nil
}

// newOwnPassword checks and stores the password u chose for herself.
func (s *Server) newOwnPassword(ctx context.Context, u store.User, password string) error {
	policy := s.cfg.PasswordPolicy()
	if err := policy.Check(u.Username, password); err != nil {
		return err
	}
	earlier, err := s.db.PasswordHistory(ctx, u.Username, policy.History)
	if err != nil {
		return err
	}
	if err := policy.CheckHistory(password, earlier); err != nil {
		return err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	return s.db.SetPassword(ctx, store.Actor{Username: u.Username}, u.Username, hash)
}
