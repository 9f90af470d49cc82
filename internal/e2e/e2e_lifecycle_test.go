package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
)

// chainUser is an account of the office's chain (issue 12) with its
// password.
type chainUser struct {
	name     string
	password string
}

// addChain creates the three users of the office's chain on s: an analyst
// (经办), the office head (处室负责人) and an approver (分管委领导).
func addChain(t *testing.T, s *Server) (analyst, head, approver chainUser) {
	t.Helper()
	users := map[auth.Role]*chainUser{auth.RoleAnalyst: &analyst, auth.RoleOfficeHead: &head, auth.RoleApprover: &approver}
	names := map[auth.Role]string{auth.RoleAnalyst: "e2e-analyst", auth.RoleOfficeHead: "e2e-head", auth.RoleApprover: "e2e-approver"}
	for role, u := range users {
		pw, err := seed.NewPassword(names[role])
		if err != nil {
			t.Fatal(err)
		}
		hash, err := auth.HashPassword(pw)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB.CreateUser(context.Background(), store.System, store.User{Username: names[role], PasswordHash: hash,
			Role: role, DisplayName: "E2E " + string(role)}); err != nil {
			t.Fatal(err)
		}
		*u = chainUser{name: names[role], password: pw}
	}
	return analyst, head, approver
}

// switchUser ends the browser's session (its cookies) and logs in as u.
func switchUser(t *testing.T, ctx context.Context, s *Server, u chainUser) {
	t.Helper()
	Do(t, ctx, "log out", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{})
		return err
	}))
	Login(t, ctx, s.URL, u.name, u.password)
}
