package web

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// Login throttling. Failures count per (username, address) pair: after
// cfg.LoginFailures failures of a pair since its last success, each further
// attempt of that pair must wait 2^(n−LoginFailures) seconds after the last
// failure (n failures: 1 s, 2 s, 4 s, …), at most cfg.LoginWindow. An
// attempt refused for waiting is not checked and not counted, so the wait
// never grows while refused: once it is over, the right password always
// works. A guesser at one address thus slows to one guess per LoginWindow
// without locking the account for its owner at any other address, nor any
// other user behind the same proxy.
//
// One address is also rate-limited as a whole, much more loosely, for a
// flood over many usernames: remoteFactor × LoginFailures failures within
// remoteWindow, whatever the usernames, make every attempt from it wait
// until the minute is over. Without trust_proxy every user behind a reverse
// proxy shares its address: that limit is meant to be far above what an
// office makes by mistyping.
const (
	remoteFactor = 20
	remoteWindow = time.Minute
	// pairHorizon is how far back the failures of a pair count.
	pairHorizon = 24 * time.Hour
)

// backoff is the wait after k failures beyond the free ones: 2^k seconds,
// at most limit.
func backoff(k int, limit time.Duration) time.Duration {
	if k < 0 {
		return 0
	}
	if k >= 40 {
		return limit
	}
	return min(time.Second<<k, limit)
}

// loginWait returns how long username at remote must still wait before an
// attempt is checked; 0 when it may try now.
func (s *Server) loginWait(ctx context.Context, username, remote string) (time.Duration, error) {
	now := s.now()
	h, err := s.db.LoginHistoryOf(ctx, username, remote, now.Add(-pairHorizon), now.Add(-remoteWindow))
	if err != nil {
		return 0, err
	}
	var wait time.Duration
	if h.RemoteFailures >= remoteFactor*s.cfg.LoginFailures {
		wait = remoteWindow
	}
	if k := h.PairFailures - s.cfg.LoginFailures; k >= 0 {
		if until := h.LastFailure.Add(backoff(k, s.cfg.LoginWindow)); until.After(now) {
			wait = max(wait, until.Sub(now))
		}
	}
	return wait, nil
}

// throttled is the refusal of an attempt that must wait, written to the
// audit log and the server log.
func (s *Server) throttled(ctx context.Context, what, username, remote string, wait time.Duration) error {
	s.log.WarnContext(ctx, what+" throttled", "username", username, "remote", remote, "wait", wait)
	if err := s.db.RecordThrottled(ctx, what, username, remote, wait); err != nil {
		return err
	}
	secs := int((wait + time.Second - 1) / time.Second)
	return &Error{Code: EThrottled, Msg: throttledMessage(secs), RetryAfter: secs}
}

// login checks a username and password for POST /login and POST
// /api/v1/tokens, throttled as above. Every checked attempt is recorded, in
// login_attempts and the audit log, as is every throttled one in the audit
// log. An unknown user costs as much time as a wrong password.
func (s *Server) login(r *http.Request, username, password string) (store.User, error) {
	ctx := r.Context()
	remote := s.remote(r)
	wait, err := s.loginWait(ctx, username, remote)
	if err != nil {
		return store.User{}, err
	}
	if wait > 0 {
		return store.User{}, s.throttled(ctx, "login", username, remote, wait)
	}
	u, err := s.db.User(ctx, username)
	ok := false
	switch {
	case errors.Is(err, store.ErrNotFound):
		auth.VerifyNothing(password)
	case err != nil:
		return store.User{}, err
	default:
		ok, _ = auth.VerifyPassword(u.PasswordHash, password)
		ok = ok && !u.Disabled
	}
	if err := s.db.RecordLogin(ctx, username, remote, ok); err != nil {
		return store.User{}, err
	}
	if !ok {
		return store.User{}, errorf(EUnauthenticated, "web.badlogin")
	}
	return u, nil
}

// checkCurrentPassword checks the caller's current password before she
// changes it, throttled and recorded as a login is: a stolen session must
// not make guessing the password cheap.
func (s *Server) checkCurrentPassword(r *http.Request, u store.User, password string) error {
	ctx := r.Context()
	remote := s.remote(r)
	wait, err := s.loginWait(ctx, u.Username, remote)
	if err != nil {
		return err
	}
	if wait > 0 {
		return s.throttled(ctx, "password_check", u.Username, remote, wait)
	}
	ok, _ := auth.VerifyPassword(u.PasswordHash, password)
	if err := s.db.RecordPasswordCheck(ctx, u.Username, remote, ok); err != nil {
		return err
	}
	if !ok {
		return errorf(EForbidden, "web.badpassword")
	}
	return nil
}
