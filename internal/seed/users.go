package seed

import (
	"context"
	"fmt"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// Account is a demo account and its generated password.
type Account struct {
	Username    string
	Password    string
	Role        auth.Role
	Department  string
	Unit        string
	DisplayName string
}

// DemoAccounts are the demo users of Options.DemoUsers, one per role below
// the administrator, without passwords.
func DemoAccounts() []Account {
	return []Account{
		{Username: "demo-analyst", Role: auth.RoleAnalyst, DisplayName: "示例：省县域经济办分析员"},
		{Username: "demo-head", Role: auth.RoleOfficeHead, DisplayName: "示例：省县域经济办处室负责人"},
		{Username: "demo-approver", Role: auth.RoleApprover, DisplayName: "示例：分管委领导"},
		{Username: "demo-tongjiju", Role: auth.RoleDepartment, Department: "统计局", DisplayName: "示例：统计局数据报送员"},
		{Username: "demo-lanzhou", Role: auth.RolePrefecture, Unit: "620100", DisplayName: "示例：兰州市审核员"},
		{Username: "demo-chengguan", Role: auth.RoleCounty, Unit: "620102", DisplayName: "示例：城关区用户"},
		{Username: "demo-viewer", Role: auth.RoleViewer, DisplayName: "示例：查看者"},
	}
}

// addAdmin creates the administrator with password, or with a generated
// one, which it returns.
func addAdmin(ctx context.Context, db *store.DB, actor store.Actor, password string) (generated string, err error) {
	if password == "" {
		if password, err = NewPassword(AdminUser); err != nil {
			return "", err
		}
		generated = password
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return "", err
	}
	_, err = db.CreateUser(ctx, actor, store.User{Username: AdminUser, PasswordHash: hash, Role: auth.RoleAdmin,
		DisplayName: "管理员"})
	return generated, err
}

// addDemoUsers creates DemoAccounts with generated passwords.
func addDemoUsers(ctx context.Context, db *store.DB, actor store.Actor) ([]Account, error) {
	accounts := DemoAccounts()
	for i := range accounts {
		a := &accounts[i]
		pw, err := NewPassword(a.Username)
		if err != nil {
			return nil, err
		}
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return nil, err
		}
		if _, err := db.CreateUser(ctx, actor, store.User{Username: a.Username, PasswordHash: hash, Role: a.Role,
			Department: a.Department, Unit: a.Unit, DisplayName: a.DisplayName}); err != nil {
			return nil, err
		}
		a.Password = pw
	}
	return accounts, nil
}

// NewPassword returns a random password of 20 characters that the password
// policy accepts for username (about 119 bits).
func NewPassword(username string) (string, error) {
	for range 100 {
		tok, err := auth.NewToken()
		if err != nil {
			return "", err
		}
		if pw := tok[:20]; auth.CheckPassword(username, pw) == nil {
			return pw, nil
		}
	}
	return "", fmt.Errorf("seed: could not generate a password that the policy accepts")
}
