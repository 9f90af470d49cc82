package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/web"
)

// runUser is `qiangxian user add|passwd|role|list …`: accounts managed from
// the server's machine, audited as cli:<OS user>. A password is read from
// --password-file (its first line; - is standard input) or
// QIANGXIAN_PASSWORD, never from the command line, where other users could
// see it; without either, one is generated and printed once.
func runUser(ctx context.Context, e *env, args []string) error {
	usage := e.usageErr(
		"用法：qiangxian user add 用户名 --role 角色 [--department 部门] [--unit 单位代码] [--password-file 文件] | user passwd 用户名 [--password-file 文件] | user role 用户名 --role 角色 [--department 部门] [--unit 单位代码] | user totp 用户名 [--remove] | user list",
		"usage: qiangxian user add NAME --role ROLE [--department DEPT] [--unit CODE] [--password-file FILE] | user passwd NAME [--password-file FILE] | user role NAME --role ROLE [--department DEPT] [--unit CODE] | user totp NAME [--remove] | user list")
	if len(args) == 0 {
		return usage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(e.stdout, usage.Error())
		return nil
	case "add", "passwd", "role", "totp", "list":
	default:
		return usage
	}
	fs := e.newFlags("user " + args[0])
	role := fs.String("role", "", e.t("角色：admin、analyst、department、prefecture、county、viewer", "role: admin, analyst, department, prefecture, county, viewer"))
	dept := fs.String("department", "", e.t("部门用户的部门", "a department user's department"))
	unit := fs.String("unit", "", e.t("市州或县区用户的单位代码", "a prefecture or county user's unit code"))
	display := fs.String("display-name", "", e.t("显示名称", "display name"))
	pwFile := fs.String("password-file", "", e.t("从文件第一行读取密码（- 为标准输入）", "read the password from the file's first line (- for standard input)"))
	remove := fs.Bool("remove", false, e.t("（totp）取消该用户的动态口令", "(totp) end the user's TOTP enrolment"))
	reset := fs.Bool("reset", false, e.t("（passwd）管理员重置：该用户下次登录须自行修改密码", "(passwd) administrator's reset: the user must change the password at the next login"))
	nargs := 1
	if args[0] == "list" {
		nargs = 0
	}
	db, cfg, err := e.openDBConfig(ctx, fs, args[1:], nargs)
	if err != nil {
		var ue *usageError
		if nargs == 1 && errors.As(err, &ue) && fs.NArg() == 0 {
			return e.usageErr("缺少用户名。%s", "missing the user name. %s", usage.Error())
		}
		return err
	}
	defer db.Close()
	name := fs.Arg(0)
	switch args[0] {
	case "add":
		r, err := auth.ParseRole(*role)
		if err != nil {
			return &usageError{err.Error()}
		}
		pw, hash, err := e.newPassword(cfg.PasswordPolicy(), name, *pwFile, nil)
		if err != nil {
			return err
		}
		if _, err := db.CreateUser(ctx, operator(), store.User{Username: name, PasswordHash: hash, Role: r,
			Department: *dept, Unit: *unit, DisplayName: *display}); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.t("已创建账号 %s（%s）", "created account %s (%s)", name, r))
		e.showGenerated(name, pw)
	case "passwd":
		policy := cfg.PasswordPolicy()
		earlier, err := db.PasswordHistory(ctx, name, policy.History)
		if err != nil {
			return err
		}
		pw, hash, err := e.newPassword(policy, name, *pwFile, earlier)
		if err != nil {
			return err
		}
		set := db.SetPassword
		if *reset {
			set = db.ResetPassword
		}
		if err := set(ctx, operator(), name, hash); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.t("已修改 %s 的密码，其会话和令牌均已失效", "changed %s's password; her sessions and tokens have ended", name))
		e.showGenerated(name, pw)
	case "role":
		r, err := auth.ParseRole(*role)
		if err != nil {
			return &usageError{err.Error()}
		}
		if err := db.SetRole(ctx, operator(), name, r, *dept, *unit); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.t("%s 的角色已改为 %s", "%s is now %s", name, r))
	case "totp":
		if *remove {
			if err := db.RemoveTOTP(ctx, operator(), name); err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, e.t("已取消 %s 的动态口令", "ended %s's TOTP enrolment", name))
			return nil
		}
		secret, err := auth.NewTOTPSecret()
		if err != nil {
			return err
		}
		if err := db.SetTOTP(ctx, operator(), name, secret); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.t("%s 的动态口令密钥（只显示这一次，请导入身份验证器应用）：", "%s's TOTP secret (shown once; import it into an authenticator app):", name))
		fmt.Fprintln(e.stdout, auth.TOTPURI(name, secret))
	case "list":
		us, err := db.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range us {
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%v\n", u.Username, u.Role, u.Department+u.Unit, map[bool]string{true: "disabled", false: ""}[u.Disabled])
		}
	default:
		return usage
	}
	return nil
}

// newPassword reads the password for username from file or
// QIANGXIAN_PASSWORD, or generates one (returned, to be shown once), checks
// it against the policy and the earlier hashes, and hashes it.
func (e *env) newPassword(policy auth.PasswordPolicy, username, file string, earlier []string) (generated, hash string, err error) {
	pw := e.getenv("QIANGXIAN_PASSWORD")
	if file != "" {
		if pw, err = readFirstLine(file); err != nil {
			return "", "", err
		}
	}
	if pw == "" {
		if pw, err = web.GeneratePassword(); err != nil {
			return "", "", err
		}
		generated = pw
	}
	if err := policy.Check(username, pw); err != nil {
		return "", "", err
	}
	if err := policy.CheckHistory(pw, earlier); err != nil {
		return "", "", err
	}
	hash, err = auth.HashPassword(pw)
	return generated, hash, err
}

func readFirstLine(path string) (string, error) {
	f := os.Stdin
	if path != "-" {
		var err error
		if f, err = os.Open(path); err != nil {
			return "", err
		}
		defer f.Close()
	}
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && line == "" {
		return "", fmt.Errorf("%s: no password: %w", path, err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func (e *env) showGenerated(name, pw string) {
	if pw != "" {
		fmt.Fprintln(e.stdout, e.t("%s 的密码（只显示这一次）：%s", "%s's password (shown once): %s", name, pw))
	}
}
