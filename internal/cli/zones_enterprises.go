package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone/landuse"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
	"github.com/qiangxian/qiangxian/internal/zone/target"
	"github.com/qiangxian/qiangxian/internal/zonestats"
)

func init() {
	locale.Register(map[string][2]string{
		"zones.ent.year": {"企业表没有 year 列：请用 --year 指明数据年份", "the enterprise table has no year column: give the year with --year"},
	})
}

// runZonesEnterprises is `qiangxian zones enterprises --db DSN
// [--enterprises E.xlsx [--sheet S] [--year Y]] [--scheme S.toml]
// [--land L.csv] [--targets T.csv] [--actuals A.csv] [--tiers T.toml]
// [--user NAME]`: stores the zones' enterprises of a year (read as zones
// grade reads them, plus an optional county column), a yearly revision
// that replaces the year's enterprises of the zones in E; grades the
// year's enterprises with S and stores the grading; and stores land
// figures (as zones land reads them; year column needed), targets,
// actuals (as zones targets reads them) and the tiers file. Every file is
// read and checked first: a problem anywhere is printed at its cell
// (FILE:SHEET!B7: for workbooks) and nothing is written (exit 2). The
// enterprises and the figures are each written all or nothing.
func runZonesEnterprises(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("zones enterprises")
	dsn := fs.String("db", "data/qiangxian.db", e.t("数据库：SQLite 文件路径或 postgres:// DSN", "database: a SQLite file path or a postgres:// DSN"))
	epath := fs.String("enterprises", "", e.t("企业表 .xlsx 或 .csv（uscc,name,zone,land_owned,start_year,tax,…）", "enterprise table .xlsx or .csv (uscc,name,zone,land_owned,start_year,tax,…)"))
	sheet := fs.String("sheet", "", e.t("工作表名称（.xlsx；默认第一个）", "sheet name (.xlsx; default the first)"))
	year := fs.Int("year", 0, e.t("企业数据年份（默认取企业表 year 列的最新年份）", "the year of the figures (default: the latest of the table's year column)"))
	spath := fs.String("scheme", "", e.t("亩均效益评价方案 .toml：对该年全部企业分类并保存", "亩均 grading scheme .toml: grade the year's enterprises and store the grading"))
	lpath := fs.String("land", "", e.t("土地数据表（zone,year,total,…）", "land table (zone,year,total,…)"))
	tpath := fs.String("targets", "", e.t("目标表（unit,measure,year,target）", "targets table (unit,measure,year,target)"))
	apath := fs.String("actuals", "", e.t("实际值表（unit,measure,year,value）", "actuals table (unit,measure,year,value)"))
	tiers := fs.String("tiers", "", e.t("分档与产业集群 .toml", "tiers and clusters .toml"))
	username := fs.String("user", "", e.t("以该账号的身份和权限导入", "import as this account, with its rights"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *epath == "" && *spath == "" && *lpath == "" && *tpath == "" && *apath == "" && *tiers == "" || fs.NArg() != 0 {
		return e.usageErr("用法：qiangxian zones enterprises --db 数据库 [--enterprises 企业.xlsx] [--scheme 方案.toml] [--land 土地.csv] [--targets 目标.csv] [--actuals 实际值.csv] [--tiers 分档.toml]",
			"usage: qiangxian zones enterprises --db DATABASE [--enterprises ENTERPRISES.xlsx] [--scheme SCHEME.toml] [--land LAND.csv] [--targets TARGETS.csv] [--actuals ACTUALS.csv] [--tiers TIERS.toml]")
	}
	if !store.IsPostgres(*dsn) {
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
	if !auth.CanZoneEnterprise(principal, auth.Write, auth.ZoneScope{}) {
		return e.usageErr("账号 %q 无权导入开发区企业数据", "account %q may not import zone enterprises", principal.Name)
	}
	in, err := readZoneEnterpriseImport(ctx, db, zoneEntFiles{*epath, *sheet, *spath, *lpath, *tpath, *apath, *tiers}, *year)
	if err != nil {
		return err
	}
	if in.ents != nil {
		rev, err := db.ReplaceZoneEnterprises(ctx, actor, in.year, nil, in.ents, *epath)
		if err := e.storeErr(err); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.t("%d 年企业数据第 %d 版：%d 家（新增 %d，变更 %d，删除 %d）", "enterprises of %d, revision %d: %d rows (%d added, %d changed, %d removed)",
			in.year, rev.Revision, rev.Rows, rev.Added, rev.Changed, rev.Removed))
	}
	if in.scheme != nil {
		if in.year == 0 {
			return e.usageErr("分类需要 --year 或企业表", "grading needs --year or an enterprise table")
		}
		all, err := db.ZoneEnterprises(ctx, in.year, "")
		if err != nil {
			return err
		}
		g := zonestats.Grade(all, in.scheme, string(in.schemeSrc), in.year)
		if err := e.storeErr(db.PutZoneGrading(ctx, actor, g)); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.t("已对 %d 年 %d 家企业分类", "graded %[2]d enterprises of %[1]d", in.year, len(all)))
	}
	if len(in.figures.Land) > 0 || len(in.figures.Targets) > 0 || len(in.figures.Actuals) > 0 || in.figures.Tiers != "" {
		if err := e.storeErr(db.PutZoneFigures(ctx, actor, in.figures)); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.t("已导入土地数据 %d 行、目标 %d 项", "imported %d land rows and %d targets", len(in.figures.Land), len(in.figures.Targets)))
	}
	return nil
}

// storeErr turns the store's refusals into usage errors (exit 2).
func (e *env) storeErr(err error) error {
	if errors.Is(err, store.ErrInvalid) || errors.Is(err, store.ErrConflict) {
		return e.usageErr("%v", "%v", err)
	}
	return err
}

type zoneEntFiles struct{ ents, sheet, scheme, land, targets, actuals, tiers string }

type zoneEntImport struct {
	year      int
	ents      []store.ZoneEnterprise
	scheme    *mujun.Scheme
	schemeSrc []byte
	figures   store.ZoneFigures
}

// readZoneEnterpriseImport reads and checks every file given, the
// enterprises' zones and sub-parks against the registry; the located
// problems of all files come back together.
func readZoneEnterpriseImport(ctx context.Context, db *store.DB, f zoneEntFiles, year int) (in zoneEntImport, err error) {
	in.year = year
	var all problems
	if f.ents != "" {
		zs, err := db.Zones(ctx)
		if err != nil {
			return in, err
		}
		t, err := openAnyTable(f.ents, f.sheet)
		if err != nil {
			return in, err
		}
		ents, y, err := zonestats.ReadEnterprises(t, zs, year, locale.M("zones.ent.year"))
		if err := all.add(err); err != nil {
			return in, err
		}
		in.year, in.ents = y, ents
	}
	if f.scheme != "" {
		if in.schemeSrc, err = os.ReadFile(f.scheme); err != nil {
			return in, err
		}
		in.scheme, err = mujun.ParseScheme(f.scheme, in.schemeSrc)
		if err := all.add(err); err != nil {
			return in, err
		}
	}
	if f.land != "" {
		t, err := openAnyTable(f.land, "")
		if err != nil {
			return in, err
		}
		in.figures.Land, err = landuse.ReadLand(t)
		if err := all.add(err); err != nil {
			return in, err
		}
	}
	if f.targets != "" || f.actuals != "" {
		in.figures.Targets, in.figures.Actuals, err = readTargetInputs(f.targets, f.actuals)
		if err := all.add(err); err != nil {
			return in, err
		}
	}
	if f.tiers != "" {
		src, err := os.ReadFile(f.tiers)
		if err != nil {
			return in, err
		}
		_, err = target.ParseConfig(f.tiers, src)
		if err := all.add(err); err != nil {
			return in, err
		}
		in.figures.Tiers = string(src)
	}
	return in, all.err()
}
