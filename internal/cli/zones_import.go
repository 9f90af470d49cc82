package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// runZonesImport is `qiangxian zones import --db DSN --zones Z [--subparks
// S] [--grades H.csv] [--changes C.csv] [--positions P.csv] [--user NAME]`:
// the development-zone registry (.xlsx or .csv; see zone.ReadRegistry),
// the grade history of years before the system (the history CSV of zones
// manage, every grade given, periods years), renames, mergers and upgrades
// (as for zones manage) and national list positions (zone, year, list,
// position, source) into the store in one transaction. Every problem of
// every file is printed at its cell and nothing is written (exit 2).
func runZonesImport(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("zones import")
	dsn := fs.String("db", "data/qiangxian.db", e.t("数据库：SQLite 文件路径或 postgres:// DSN", "database: a SQLite file path or a postgres:// DSN"))
	zpath := fs.String("zones", "", e.t("开发区表（.xlsx 或 .csv：code,name,level,kind,host …）", "zones table (.xlsx or .csv: code,name,level,kind,host …)"))
	spath := fs.String("subparks", "", e.t("园区表（zone,code,name,host，可选 industry,output_share,tax_share）", "sub-parks table (zone,code,name,host; optional industry,output_share,tax_share)"))
	gpath := fs.String("grades", "", e.t("历年等级 .csv（period,unit,group,group_rank,score,grade；系统启用前的年度）", "grade history .csv (period,unit,group,group_rank,score,grade: years before the system)"))
	cpath := fs.String("changes", "", e.t("更名、整合与升级 .csv（change,unit,successor,period）", "renames, mergers and upgrades .csv (change,unit,successor,period)"))
	ppath := fs.String("positions", "", e.t("全国排名 .csv（zone,year,list,position,source）", "national list positions .csv (zone,year,list,position,source)"))
	username := fs.String("user", "", e.t("以该账号的身份和权限导入", "import as this account, with its rights"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *zpath == "" && *gpath == "" && *cpath == "" && *ppath == "" || fs.NArg() != 0 {
		return e.usageErr("用法：qiangxian zones import --db 数据库 --zones 开发区.xlsx [--subparks 园区.csv] [--grades 历年等级.csv] [--changes 变更.csv] [--positions 全国排名.csv]",
			"usage: qiangxian zones import --db DATABASE --zones ZONES.xlsx [--subparks SUBPARKS.csv] [--grades GRADES.csv] [--changes CHANGES.csv] [--positions POSITIONS.csv]")
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
	if !auth.CanZone(principal, auth.Write, auth.Resource{Kind: auth.KindZone}) {
		return e.usageErr("账号 %q 无权导入开发区名录", "account %q may not import the zone registry", principal.Name)
	}
	hosts := map[string]bool{}
	for _, k := range []store.UnitKind{store.UnitPrefecture, store.UnitCounty} {
		us, err := db.Units(ctx, store.UnitFilter{Kind: k})
		if err != nil {
			return err
		}
		for _, u := range us {
			hosts[u.Code] = true
		}
	}
	in, err := readZoneImport(*zpath, *spath, *gpath, *cpath, *ppath, func(c string) bool { return hosts[c] })
	if err != nil {
		return err
	}
	err = db.ImportZones(ctx, actor, in)
	if errors.Is(err, store.ErrInvalid) || errors.Is(err, store.ErrConflict) {
		return e.usageErr("%v", "%v", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("已导入 %d 个开发区、%d 条历年等级、%d 项变更、%d 条全国排名", "imported %d zones, %d grade rows, %d changes, %d list positions",
		len(in.Zones), len(in.Grades), len(in.Changes), len(in.Positions)))
	return nil
}

// readZoneInputTable reads a CSV, or the first sheet of an .xlsx workbook.
func readZoneInputTable(path string) (*table.Table, error) {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return xlsx.ReadTableWith(path, "", table.CommandLimits())
	}
	return openTable(path)
}

// readZoneImport reads every file given; the located problems of all of
// them are returned together.
func readZoneImport(zpath, spath, gpath, cpath, ppath string, host func(string) bool) (store.ZoneImport, error) {
	var in store.ZoneImport
	var all problems
	if zpath != "" {
		zt, err := readZoneInputTable(zpath)
		var st *table.Table
		if err == nil && spath != "" {
			st, err = readZoneInputTable(spath)
		}
		if err == nil {
			in.Zones, err = zone.ReadRegistry(zt, st, host)
		}
		if err := all.add(err); err != nil {
			return in, err
		}
	}
	if gpath != "" {
		t, err := openTable(gpath)
		var h *zone.History
		if err == nil {
			h, err = zone.ReadHistory(t, nil)
		}
		if err := all.add(err); err != nil {
			return in, err
		}
		if h != nil {
			for i, r := range h.Records {
				y, err := strconv.Atoi(r.Period)
				if err != nil {
					all.add(t.Errorf(i, t.Col("period"), locale.M("zone.reg.year", r.Period)))
					continue
				}
				in.Grades = append(in.Grades, store.ZoneGrade{Zone: r.Unit, Year: y, Group: r.Group, GroupRank: r.GroupRank,
					Score: r.Score, Grade: r.Grade, Source: "imported"})
			}
		}
	}
	if cpath != "" {
		t, err := openTable(cpath)
		var rows []zone.ChangeRow
		if err == nil {
			_, rows, err = zone.ReadChangeList(t)
		}
		if err := all.add(err); err != nil {
			return in, err
		}
		for i, r := range rows {
			y, err := strconv.Atoi(r.Period)
			if err != nil {
				all.add(t.Errorf(i, t.Col("period"), locale.M("zone.reg.year", r.Period)))
				continue
			}
			c := store.ZoneChange{Kind: r.Change, From: r.Unit, Year: y}
			if r.Change != zone.ChangeUpgrade {
				c.To = r.Successor
			}
			in.Changes = append(in.Changes, c)
		}
	}
	if ppath != "" {
		t, err := openTable(ppath)
		var ps []zone.Position
		if err == nil {
			ps, err = zone.ReadPositions(t)
		}
		if err := all.add(err); err != nil {
			return in, err
		}
		for _, p := range ps {
			in.Positions = append(in.Positions, store.ZonePosition(p))
		}
	}
	return in, all.err()
}
