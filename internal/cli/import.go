package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// runImport is `qiangxian import --db DSN --file F.xlsx|F.csv --period P
// [--kind observations|events|targets|projects|funds] [--user NAME]`: one table into the
// store as one revision, all or nothing. Every problem of the table is
// printed at its cell in the user's language and the exit status is 2;
// nothing is written then.
//
// With --user the import is that account's, checked against her role and
// scope (a department imports its own indicators only) and audited under
// her name. Without it the import runs with the rights of whoever can open
// the database — an administrator — and is audited as cli:<OS user>.
func runImport(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("import")
	dsn := fs.String("db", "data/qiangxian.db", e.t("数据库：SQLite 文件路径或 postgres:// DSN", "database: a SQLite file path or a postgres:// DSN"))
	file := fs.String("file", "", e.t("要导入的表（.xlsx 或 .csv）", "the table to import (.xlsx or .csv)"))
	sheet := fs.String("sheet", "", e.t("工作表名（默认第一个）", "sheet name (default: the first)"))
	period := fs.String("period", "", e.t("期间，如 2022、2023-M06、2023-Q2（表中有“期间”列时可省略）", "period, e.g. 2022, 2023-M06, 2023-Q2 (optional when the table has a 期间 column)"))
	kind := fs.String("kind", "observations", e.t("表的种类：observations（宽表数据）、events（事件）、targets（目标值）、projects（招商项目）、funds（到位资金）",
		"what the table holds: observations (a wide table), events, targets, projects (investment projects), funds (funds in place)"))
	username := fs.String("user", "", e.t("以该账号的身份和权限导入", "import as this account, with its rights"))
	note := fs.String("note", "", e.t("本次修订的说明", "a note on the revision"))
	confirm := fs.Bool("confirm-names", false, e.t("确认按名称匹配的单位（表中用县区名称而非代码时；先不加此项运行，查看匹配结果）",
		"confirm the units matched by name (for a table that names counties; run without it first to see the matches)"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *file == "" || fs.NArg() != 0 {
		return e.usageErr("用法：qiangxian import --db 数据库 --file 表.xlsx --period 2022 [--kind observations|events|targets|projects|funds] [--user 账号]",
			"usage: qiangxian import --db DATABASE --file TABLE.xlsx --period 2022 [--kind observations|events|targets|projects|funds] [--user NAME]")
	}
	var do func(context.Context, *store.DB, store.Actor, auth.User, *table.Table, ingest.Options) (store.Revision, error)
	switch *kind {
	case "observations":
		do = ingest.ImportWideOpts
	case "events":
		do = ingest.ImportEvents
	case "targets":
		do = ingest.ImportTargets
	case "projects":
		do = ingest.ImportInvestProjects
	case "funds":
		do = ingest.ImportInvestFunds
	default:
		return e.usageErr("--kind 应为 observations、events、targets、projects 或 funds：%s", "--kind must be observations, events, targets, projects or funds: %s", *kind)
	}
	lim, err := e.limits()
	if err != nil {
		return err
	}
	var t *table.Table
	switch strings.ToLower(filepath.Ext(*file)) {
	case ".xlsx":
		t, err = xlsx.ReadTableWith(*file, *sheet, lim.Table)
	case ".csv":
		t, err = openTableWith(*file, lim.Table)
	case ".xls", ".et":
		err = xlsx.LegacyError(*file)
	default:
		return e.usageErr("--file 应为 .xlsx 或 .csv 文件：%s", "--file must be an .xlsx or .csv file: %s", *file)
	}
	if err != nil {
		return err
	}
	if t.Encoding != "" {
		fmt.Fprintf(e.stderr, "%s: %s\n", *file, t.EncodingNotice().In(e.lang))
	}
	if !store.IsPostgres(*dsn) {
		// store.Open would create an empty file, and the import then fail
		// on missing tables: say what is wrong instead.
		if _, err := os.Stat(*dsn); err != nil {
			return e.usageErr("数据库 %s 不存在：先运行 qiangxian migrate 或 serve", "database %s does not exist: run qiangxian migrate or serve first", *dsn)
		}
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	actor, principal, err := e.importer(ctx, db, *username)
	if err != nil {
		return err
	}
	if *kind == "observations" {
		rt, matches, err := ingest.ResolveNames(ctx, db, t)
		if err != nil {
			return err
		}
		if len(matches) > 0 && !*confirm {
			return ingest.MatchErrors(rt, matches)
		}
		t = rt
	}
	opts := ingest.Options{Period: *period, Note: store.RevisionNote{Source: filepath.Base(*file), Note: *note}}
	rev, err := do(ctx, db, actor, principal, t, opts)
	if errors.Is(err, store.ErrInvalid) || errors.Is(err, store.ErrConflict) {
		return e.usageErr("%s: %v", "%s: %v", *file, err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("已导入 %s：修订 %d（%s，操作人 %s）", "imported %s: revision %d (%s, by %s)",
		*file, rev.ID, rev.Kind, rev.Username))
	return nil
}

// importer returns who imports: the account named username, or the
// operator of the command line with an administrator's rights.
func (e *env) importer(ctx context.Context, db *store.DB, username string) (store.Actor, auth.User, error) {
	if username == "" {
		name := "cli"
		if u, err := user.Current(); err == nil && u.Username != "" {
			name = "cli:" + u.Username
		}
		return store.Actor{Username: name}, auth.User{Name: name, Role: auth.RoleAdmin}, nil
	}
	u, err := db.User(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		return store.Actor{}, auth.User{}, e.usageErr("没有名为 %q 的账号", "no account named %q", username)
	}
	if err != nil {
		return store.Actor{}, auth.User{}, err
	}
	if u.Disabled {
		return store.Actor{}, auth.User{}, e.usageErr("账号 %q 已停用", "account %q is disabled", username)
	}
	return store.Actor{Username: u.Username}, u.Principal(), nil
}
