package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Code is what went wrong, as API clients see it in {"error": {"code"}}.
type Code string

// The error codes. Few on purpose: a client branches on them, a person
// reads the message.
const (
	EInvalid         Code = "invalid"         // the request itself is malformed
	EUnprocessable   Code = "unprocessable"   // a well-formed upload with bad cells; details list them all
	EUnauthenticated Code = "unauthenticated" // no login, or an expired session or token
	EForbidden       Code = "forbidden"       // logged in, but not allowed
	ENotFound        Code = "not_found"
	EConflict        Code = "conflict"  // a duplicate, or a state that forbids the change
	EImmutable       Code = "immutable" // a published run
	ETooLarge        Code = "too_large"
	EThrottled       Code = "throttled" // too many failed logins
	EUnavailable     Code = "unavailable"
	EInternal        Code = "internal"
)

// statusOf maps every code to its HTTP status: the one table.
var statusOf = map[Code]int{
	EInvalid:         http.StatusBadRequest,
	EUnprocessable:   http.StatusUnprocessableEntity,
	EUnauthenticated: http.StatusUnauthorized,
	EForbidden:       http.StatusForbidden,
	ENotFound:        http.StatusNotFound,
	EConflict:        http.StatusConflict,
	EImmutable:       http.StatusConflict,
	ETooLarge:        http.StatusRequestEntityTooLarge,
	EThrottled:       http.StatusTooManyRequests,
	EUnavailable:     http.StatusServiceUnavailable,
	EInternal:        http.StatusInternalServerError,
}

func init() {
	locale.Register(map[string][2]string{
		"web.invalid":         {"请求有误：%s", "bad request: %s"},
		"web.unprocessable":   {"上传的表格有 %d 处错误", "the uploaded table has %d errors"},
		"web.unauthenticated": {"请先登录", "please log in"},
		"web.expired":         {"登录已过期，请重新登录", "the login has expired; please log in again"},
		"web.badlogin":        {"用户名或密码错误", "wrong username or password"},
		"web.forbidden":       {"您没有权限进行此项操作或查看此内容", "you are not allowed to do this or to see this"},
		"web.compareTwo":      {"请在批次列表中选择两个批次进行比较", "choose two runs to compare on the list of runs"},
		"web.badpassword":     {"当前密码不正确", "the current password is wrong"},
		"web.notfound":        {"找不到所请求的内容：它不存在，或您无权查看", "not found: it does not exist, or you may not see it"},
		"web.conflict":        {"与现有记录冲突：%s", "conflicts with the existing records: %s"},
		"web.immutable":       {"已发布的评价结果不可更改", "a published run cannot change"},
		"web.toolarge":        {"上传的文件超过 %d 字节", "the upload exceeds %d bytes"},
		"web.throttled":       {"登录失败次数过多，请 %d 秒后再试", "too many failed logins; wait %d s and try again"},
		"web.throttledMin":    {"登录失败次数过多，请 %d 分钟后再试", "too many failed logins; try again in %d minutes"},
		"web.unavailable":     {"服务正在启动，请稍后再试", "the server is starting; try again shortly"},
		"web.internal":        {"服务器内部错误，已记录", "internal server error; it has been logged"},
	})
}

// Error is an error a handler returns: a code, a message for the user in
// her language, the located problems of a rejected upload, and the cause
// for the log.
type Error struct {
	Code       Code
	Msg        locale.Message
	Cells      table.Errors
	Err        error
	RetryAfter int // seconds, for EThrottled
}

// Detail is one located problem of a rejected request.
type Detail struct {
	Place   string `json:"place,omitempty"`
	Message string `json:"message"`
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Msg.In(locale.EN), e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Msg.In(locale.EN))
}

func (e *Error) Unwrap() error { return e.Err }

// errorf returns an *Error with the message key and arguments.
func errorf(code Code, key string, args ...any) *Error {
	return &Error{Code: code, Msg: locale.M(key, args...)}
}

// throttledMessage tells how long to wait: in seconds, or in minutes
// (rounded up) from two minutes on.
func throttledMessage(secs int) locale.Message {
	if secs >= 120 {
		return locale.M("web.throttledMin", (secs+59)/60)
	}
	return locale.M("web.throttled", secs)
}

// forbidden is the refusal of a logged-in caller. What was refused goes to
// the log (and the audit of refusals), not to the page: it is written for
// the developer ("read run"), not for the reader.
func forbidden(what string) error {
	return &Error{Code: EForbidden, Msg: locale.M("web.forbidden"), Err: errors.New("forbidden: " + what)}
}

// notFound is the one 404 every missing or invisible record gets: the
// same words whether the id exists or not, so that a 404 tells nobody
// which ids exist; what was looked for goes to the log only.
func notFound(what string) error {
	return &Error{Code: ENotFound, Msg: locale.M("web.notfound"), Err: errors.New("not found: " + what)}
}

// invalid is the refusal of a malformed request: the message key (one of
// errors_messages.go) and its arguments, in the caller's language after
// "请求有误：" / "bad request: ".
func invalid(key string, args ...any) error {
	return &Error{Code: EInvalid, Msg: locale.M("web.invalid", nested(locale.M(key, args...)))}
}

// invalidErr is invalid with the Go error that caused it, which goes to
// the log and never to the reader.
func invalidErr(err error, key string, args ...any) error {
	return &Error{Code: EInvalid, Msg: locale.M("web.invalid", nested(locale.M(key, args...))), Err: err}
}

// nested renders a message as the argument of another, in the outer
// message's language.
type nested locale.Message

// Message renders the nested message in lang ("zh" or "en").
func (m nested) Message(lang string) string { return locale.Message(m).In(locale.Lang(lang)) }

// deny is the refusal of an action auth.Can did not grant: 401 for a caller
// without a login (logging in might help), 403 for one with.
func deny(c *caller, what string) error {
	if c.anonymous() {
		return errorf(EUnauthenticated, "web.unauthenticated")
	}
	return forbidden(what)
}

// asError classifies any error a handler returns; lang renders the
// problems of a method file, which carry no message keys.
func asError(err error, lang locale.Lang) *Error {
	var e *Error
	var mes method.Errors
	var tes table.Errors
	var te *table.Error
	var pe *auth.PolicyError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &e):
		return e
	case errors.As(err, &mes):
		return &Error{Code: EUnprocessable, Msg: locale.M("web.unprocessable", len(mes)), Err: err, Cells: mes.Table(lang)}
	case errors.As(err, &tes):
		return &Error{Code: EUnprocessable, Msg: locale.M("web.unprocessable", len(tes)), Err: err, Cells: tes}
	case errors.As(err, &te):
		return &Error{Code: EUnprocessable, Msg: locale.M("web.unprocessable", 1), Err: err, Cells: table.Errors{te}}
	case errors.As(err, &pe):
		return &Error{Code: EInvalid, Msg: locale.M("web.invalid", pe), Err: err}
	case errors.As(err, &mbe):
		return &Error{Code: ETooLarge, Msg: locale.M("web.toolarge", mbe.Limit), Err: err}
	case errors.Is(err, store.ErrNotFound):
		return &Error{Code: ENotFound, Msg: locale.M("web.notfound"), Err: err}
	case errors.Is(err, store.ErrImmutable):
		return &Error{Code: EImmutable, Msg: locale.M("web.immutable"), Err: err}
	case errors.Is(err, store.ErrConflict):
		if text, ok := store.ReaderText(err, lang); ok {
			return &Error{Code: EConflict, Msg: locale.M("web.conflict", text), Err: err}
		}
		return &Error{Code: EConflict, Msg: locale.M("web.conflictStore"), Err: err}
	case errors.Is(err, store.ErrInvalid):
		if text, ok := store.ReaderText(err, lang); ok {
			return &Error{Code: EInvalid, Msg: locale.M("web.invalid", text), Err: err}
		}
		return &Error{Code: EInvalid, Msg: locale.M("web.invalidStore"), Err: err}
	case errors.Is(err, store.ErrExpired):
		return &Error{Code: EUnauthenticated, Msg: locale.M("web.expired"), Err: err}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return &Error{Code: EUnavailable, Msg: locale.M("web.unavailable"), Err: err}
	}
	return &Error{Code: EInternal, Msg: locale.M("web.internal"), Err: err}
}

// details lists located import errors in lang, each as its place
// (FILE:SHEET!B7 or FILE:LINE:COLUMN) and its message.
func details(es table.Errors, lang locale.Lang) []Detail {
	ds := make([]Detail, len(es))
	for i, e := range es {
		msg := e.Msg.In(lang)
		ds[i] = Detail{Place: strings.TrimSuffix(e.Format(lang), ": "+msg), Message: msg}
	}
	return ds
}

// writeError renders err as {"error": {"code", "message", "details"}} in the
// caller's language, and logs the cause of server errors.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	lang := langOf(r)
	e := asError(err, lang)
	status := statusOf[e.Code]
	if status >= 500 && e.Code != EUnavailable {
		s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	} else if e.Err != nil {
		s.log.DebugContext(r.Context(), "request refused", "code", e.Code, "err", e.Err)
	}
	if e.Code == EThrottled && e.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(e.RetryAfter))
	}
	if e.Code == EForbidden {
		s.auditRefusal(r, e)
	}
	if e.Code == EUnauthenticated {
		w.Header().Set("WWW-Authenticate", `Bearer realm="qiangxian"`)
	}
	body := map[string]any{"code": e.Code, "message": e.Msg.In(lang)}
	if len(e.Cells) > 0 {
		body["details"] = details(e.Cells, lang)
	}
	writeJSON(w, status, map[string]any{"error": body})
}

// auditRefusal writes a 403 to the audit log: who, from where, what and
// why. A failure to write it is logged; the refusal stands.
func (s *Server) auditRefusal(r *http.Request, e *Error) {
	what := r.Method + " " + r.URL.Path
	why := e.Msg.In(locale.EN)
	if e.Err != nil {
		why += " (" + e.Err.Error() + ")"
	}
	if err := s.db.RecordRefusal(r.Context(), callerOf(r).actor(), s.remote(r), what, why); err != nil {
		s.log.ErrorContext(r.Context(), "cannot audit a refusal", "what", what, "err", err)
	}
}

// langOf is the caller's language: ?lang=, else the first tag of
// Accept-Language, else Chinese.
func langOf(r *http.Request) locale.Lang {
	if l := r.URL.Query().Get("lang"); l != "" {
		return locale.Detect(l, noEnv)
	}
	al := r.Header.Get("Accept-Language")
	first, _, _ := strings.Cut(al, ",")
	first, _, _ = strings.Cut(first, ";")
	return locale.Detect(first, noEnv)
}

func noEnv(string) string { return "" }

// logError is for failures after the response has started.
func (s *Server) logError(r *http.Request, msg string, err error) {
	s.log.LogAttrs(r.Context(), slog.LevelError, msg, slog.String("path", r.URL.Path), slog.Any("err", err))
}
