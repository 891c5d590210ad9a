//! `os` natives: host facts from libc and /proc.

use std::ffi::CStr;

use rquickjs::{Array, Ctx, Object, Result};

use super::set_fn;

fn uname() -> Option<libc::utsname> {
    // SAFETY: uname fills a plain struct.
    unsafe {
        let mut u: libc::utsname = std::mem::zeroed();
        (libc::uname(&mut u) == 0).then_some(u)
    }
}

fn field(f: &[libc::c_char]) -> String {
    // SAFETY: utsname fields are NUL-terminated.
    unsafe { CStr::from_ptr(f.as_ptr()).to_string_lossy().into_owned() }
}

fn mask_prefix(bytes: &[u8]) -> u32 {
    bytes.iter().map(|b| b.count_ones()).sum()
}

pub(super) fn init<'js>(_ctx: &Ctx<'js>, obj: &Object<'js>) -> Result<()> {
    set_fn(obj, "hostname", || {
        uname().map(|u| field(&u.nodename)).unwrap_or_default()
    })?;
    set_fn(obj, "release", || {
        uname().map(|u| field(&u.release)).unwrap_or_default()
    })?;
    set_fn(obj, "version", || {
        uname().map(|u| field(&u.version)).unwrap_or_default()
    })?;
    set_fn(obj, "machine", || {
        uname().map(|u| field(&u.machine)).unwrap_or_default()
    })?;
    set_fn(obj, "sysname", || {
        uname().map(|u| field(&u.sysname)).unwrap_or_default()
    })?;
    set_fn(obj, "sysinfo", |ctx: Ctx<'js>| -> Result<Array<'js>> {
        // SAFETY: sysinfo fills a plain struct.
        let si = unsafe {
            let mut si: libc::sysinfo = std::mem::zeroed();
            libc::sysinfo(&mut si);
            si
        };
        let unit = si.mem_unit.max(1) as f64;
        let a = Array::new(ctx)?;
        a.set(0, si.totalram as f64 * unit)?;
        a.set(1, si.freeram as f64 * unit)?;
        a.set(2, si.uptime as f64)?;
        a.set(3, si.loads[0] as f64 / 65536.0)?;
        a.set(4, si.loads[1] as f64 / 65536.0)?;
        a.set(5, si.loads[2] as f64 / 65536.0)?;
        Ok(a)
    })?;
    set_fn(obj, "availableMemory", || {
        std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("MemAvailable:"))
                    .and_then(|l| {
                        l.split_whitespace()
                            .nth(1)
                            .and_then(|n| n.parse::<f64>().ok())
                    })
            })
            .map(|kb| kb * 1024.0)
            .unwrap_or(0.0)
    })?;
    set_fn(obj, "cpus", |ctx: Ctx<'js>| -> Result<Array<'js>> {
        // [model, speedMHz, user, nice, sys, idle, irq] per CPU, times in ms.
        let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let models: Vec<&str> = info
            .lines()
            .filter(|l| l.starts_with("model name"))
            .filter_map(|l| l.split(':').nth(1).map(str::trim))
            .collect();
        let speeds: Vec<f64> = info
            .lines()
            .filter(|l| l.starts_with("cpu MHz"))
            .filter_map(|l| l.split(':').nth(1).and_then(|v| v.trim().parse().ok()))
            .collect();
        let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
        // SAFETY: sysconf is always safe to call.
        let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
        let out = Array::new(ctx.clone())?;
        let lines = stat
            .lines()
            .filter(|l| l.starts_with("cpu") && !l.starts_with("cpu "));
        for (i, l) in lines.enumerate() {
            let v: Vec<f64> = l
                .split_whitespace()
                .skip(1)
                .filter_map(|x| x.parse().ok())
                .collect();
            let get = |k: usize| v.get(k).copied().unwrap_or(0.0) * 1000.0 / tick;
            let e = Array::new(ctx.clone())?;
            e.set(
                0,
                models
                    .get(i)
                    .or(models.first())
                    .copied()
                    .unwrap_or("unknown"),
            )?;
            e.set(1, speeds.get(i).copied().unwrap_or(0.0).floor())?;
            e.set(2, get(0))?;
            e.set(3, get(1))?;
            e.set(4, get(2))?;
            e.set(5, get(3))?;
            e.set(6, get(5))?;
            out.set(i, e)?;
        }
        Ok(out)
    })?;
    set_fn(
        obj,
        "networkInterfaces",
        |ctx: Ctx<'js>| -> Result<Array<'js>> {
            // [name, address, netmask, family, mac, internal, scopeid] per address.
            let out = Array::new(ctx.clone())?;
            let mut macs = std::collections::HashMap::new();
            // SAFETY: getifaddrs list is walked read-only and freed once.
            unsafe {
                let mut ifs: *mut libc::ifaddrs = std::ptr::null_mut();
                if libc::getifaddrs(&mut ifs) != 0 {
                    return Ok(out);
                }
                let mut p = ifs;
                while !p.is_null() {
                    let ifa = &*p;
                    if !ifa.ifa_addr.is_null()
                        && (*ifa.ifa_addr).sa_family as i32 == libc::AF_PACKET
                    {
                        let ll = &*(ifa.ifa_addr as *const libc::sockaddr_ll);
                        let name = CStr::from_ptr(ifa.ifa_name).to_string_lossy().into_owned();
                        let mac = ll.sll_addr[..6]
                            .iter()
                            .map(|b| format!("{b:02x}"))
                            .collect::<Vec<_>>()
                            .join(":");
                        macs.insert(name, mac);
                    }
                    p = ifa.ifa_next;
                }
                let mut p = ifs;
                let mut i = 0;
                while !p.is_null() {
                    let ifa = &*p;
                    p = ifa.ifa_next;
                    if ifa.ifa_addr.is_null() {
                        continue;
                    }
                    let fam = (*ifa.ifa_addr).sa_family as i32;
                    let name = CStr::from_ptr(ifa.ifa_name).to_string_lossy().into_owned();
                    let (addr, mask, family, scope) = if fam == libc::AF_INET {
                        let a = &*(ifa.ifa_addr as *const libc::sockaddr_in);
                        let m = if ifa.ifa_netmask.is_null() {
                            0
                        } else {
                            (*(ifa.ifa_netmask as *const libc::sockaddr_in))
                                .sin_addr
                                .s_addr
                        };
                        (
                            std::net::Ipv4Addr::from(u32::from_be(a.sin_addr.s_addr)).to_string(),
                            std::net::Ipv4Addr::from(u32::from_be(m)).to_string(),
                            "IPv4",
                            -1i64,
                        )
                    } else if fam == libc::AF_INET6 {
                        let a = &*(ifa.ifa_addr as *const libc::sockaddr_in6);
                        let m = if ifa.ifa_netmask.is_null() {
                            [0u8; 16]
                        } else {
                            (*(ifa.ifa_netmask as *const libc::sockaddr_in6))
                                .sin6_addr
                                .s6_addr
                        };
                        let _ = mask_prefix(&m);
                        (
                            std::net::Ipv6Addr::from(a.sin6_addr.s6_addr).to_string(),
                            std::net::Ipv6Addr::from(m).to_string(),
                            "IPv6",
                            a.sin6_scope_id as i64,
                        )
                    } else {
                        continue;
                    };
                    let e = Array::new(ctx.clone())?;
                    e.set(0, name.as_str())?;
                    e.set(1, addr)?;
                    e.set(2, mask)?;
                    e.set(3, family)?;
                    e.set(
                        4,
                        macs.get(&name)
                            .cloned()
                            .unwrap_or_else(|| "00:00:00:00:00:00".into()),
                    )?;
                    e.set(5, ifa.ifa_flags & libc::IFF_LOOPBACK as u32 != 0)?;
                    e.set(6, scope as f64)?;
                    out.set(i, e)?;
                    i += 1;
                }
                libc::freeifaddrs(ifs);
            }
            Ok(out)
        },
    )?;
    set_fn(obj, "userInfo", |ctx: Ctx<'js>| -> Result<Object<'js>> {
        let o = Object::new(ctx)?;
        // SAFETY: getpwuid_r with a stack buffer.
        unsafe {
            let uid = libc::getuid();
            let gid = libc::getgid();
            o.set("uid", uid)?;
            o.set("gid", gid)?;
            let mut pw: libc::passwd = std::mem::zeroed();
            let mut buf = vec![0 as libc::c_char; 4096];
            let mut res: *mut libc::passwd = std::ptr::null_mut();
            if libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr(), buf.len(), &mut res) == 0
                && !res.is_null()
            {
                o.set(
                    "username",
                    CStr::from_ptr(pw.pw_name).to_string_lossy().into_owned(),
                )?;
                o.set(
                    "homedir",
                    CStr::from_ptr(pw.pw_dir).to_string_lossy().into_owned(),
                )?;
                o.set(
                    "shell",
                    CStr::from_ptr(pw.pw_shell).to_string_lossy().into_owned(),
                )?;
            }
        }
        Ok(o)
    })?;
    set_fn(obj, "getPriority", |pid: i32| unsafe {
        libc::getpriority(libc::PRIO_PROCESS, pid as u32)
    })?;
    Ok(())
}
