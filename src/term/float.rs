//! Float text as Erlang/OTP writes it.
//!
//! `shortest` is what `~p`, `~w` and the shell print (the shortest digits
//! that read back to the same float, placed as `io_lib_format` places
//! them); `fixed`, `scientific` and `general` are `~f`, `~e` and `~g`;
//! `float_to_list` is the 20-digit scientific form of `float_to_list/1`.
//! Digits come from Rust's exact formatting, rounding on the decimal string
//! as OTP does (half up on the 21 significant digits of `float_to_list`).

/// Shortest round-trip digits of `|f|` and the decimal place: `f = 0.DIGITS * 10^place`.
fn shortest_digits(f: f64) -> (String, i64) {
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let exp: i64 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

/// `~p` / `~w` / shell form: `0.1`, `1.0e10`, `100.0`, `2.5e-5`.
pub fn shortest(f: f64) -> String {
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0.0");
    }
    let (s, place) = shortest_digits(f);
    let l = s.len() as i64;
    let body = if place < 0 || place >= l {
        let exp_l = (place - 1).to_string();
        let exp_dot = if l == 1 { 2 } else { 1 };
        let exp_cost = exp_l.len() as i64 + 1 + exp_dot;
        if place < 0 {
            if 2 - place <= exp_cost {
                format!("0.{}{}", "0".repeat((-place) as usize), s)
            } else {
                insert_exp(&exp_l, &s)
            }
        } else if place - l + 2 <= exp_cost && f.abs() < 9_007_199_254_740_992.0 {
            // OTP writes integral floats from 2^53 up in exponent form.
            format!("{}{}.0", s, "0".repeat((place - l) as usize))
        } else {
            insert_exp(&exp_l, &s)
        }
    } else if place == 0 {
        format!("0.{s}")
    } else {
        let (a, b) = s.split_at(place as usize);
        format!("{a}.{b}")
    };
    format!("{sign}{body}")
}

fn insert_exp(exp_l: &str, s: &str) -> String {
    let (first, rest) = s.split_at(1.min(s.len()));
    if rest.is_empty() {
        format!("{first}.0e{exp_l}")
    } else {
        format!("{first}.{rest}e{exp_l}")
    }
}

/// The 21 significant digits OTP rounds from, and the exponent `e` with
/// `|f| = D.DDDD * 10^e`.
fn data(f: f64) -> (Vec<u8>, i64) {
    let s = format!("{:.20e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// Rounds a digit string to `n` digits, half up. Returns the digits and
/// whether a carry added a leading digit.
fn round_digits(digits: &[u8], n: usize) -> (Vec<u8>, bool) {
    let mut out: Vec<u8> = digits.iter().copied().take(n).collect();
    while out.len() < n {
        out.push(b'0');
    }
    let up = digits.get(n).is_some_and(|d| *d >= b'5');
    if !up {
        return (out, false);
    }
    for d in out.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return (out, false);
        }
    }
    out.insert(0, b'1');
    (out, true)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `~.Pf`: fixed notation with `p` decimals.
pub fn fixed(f: f64, p: usize) -> String {
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let (digits, e) = data(f);
    // Integer digits: e + 1 (at least one, with zeros prepended when e < 0).
    let (digits, int_len) = if e < 0 {
        let mut d = vec![b'0'; (-e) as usize];
        d.extend_from_slice(&digits);
        (d, 1usize)
    } else {
        (digits, (e + 1) as usize)
    };
    let (mut r, carry) = round_digits(&digits, int_len + p);
    let int_len = int_len + usize::from(carry);
    let frac = r.split_off(int_len.min(r.len()));
    format!("{sign}{}.{}", text(&r), text(&frac))
}

/// `~.Pe`: `p` significant digits, exponent as `e+N` / `e-N`.
pub fn scientific(f: f64, p: usize) -> String {
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let (digits, mut e) = if f == 0.0 { (vec![b'0'], 0) } else { data(f) };
    let (mut r, carry) = round_digits(&digits, p.max(1));
    if carry {
        e += 1;
        r.pop();
    }
    let (first, rest) = r.split_at(1.min(r.len()));
    let es = if e < 0 {
        format!("e-{}", -e)
    } else {
        format!("e+{e}")
    };
    if rest.is_empty() {
        format!("{sign}{}{es}", text(first))
    } else {
        format!("{sign}{}.{}{es}", text(first), text(rest))
    }
}

/// `~.Pg`: fixed for 0.1 =< |f| < 10^P, else scientific, as io_lib_format.
pub fn general(f: f64, p: usize) -> String {
    let a = f.abs();
    let e: Option<i64> = if a < 1.0e-1 {
        Some(-2)
    } else if a < 1.0 {
        Some(-1)
    } else if a < 1.0e1 {
        Some(0)
    } else if a < 1.0e2 {
        Some(1)
    } else if a < 1.0e3 {
        Some(2)
    } else if a < 1.0e4 {
        Some(3)
    } else {
        None
    };
    let p = p as i64;
    match e {
        Some(-1) if p <= 1 => fixed(f, (p - 1 - -1) as usize),
        Some(e) if p - 1 > e && e >= -1 => fixed(f, (p - 1 - e) as usize),
        _ if p <= 1 => scientific(f, 2),
        _ => scientific(f, p as usize),
    }
}

/// `float_to_list/1`: `1.00000000000000000000e+00`.
pub fn float_to_list(f: f64) -> String {
    let s = format!("{:.20e}", f);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i64 = exp.parse().unwrap_or(0);
    let es = if e < 0 {
        format!("e-{:02}", -e)
    } else {
        format!("e+{e:02}")
    };
    format!("{mant}{es}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_places_digits_as_otp() {
        let cases = [
            (0.1, "0.1"),
            (100.0, "100.0"),
            (1.0e10, "1.0e10"),
            (3.0e5, "3.0e5"),
            (1234567.0, "1234567.0"),
            (0.0001, "0.0001"),
            (2.5e-5, "2.5e-5"),
            (-0.0, "-0.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.2345678901234567e19, "1.2345678901234567e19"),
            (5.0e-324, "5.0e-324"),
        ];
        for (f, s) in cases {
            assert_eq!(shortest(f), s, "shortest({f:?})");
        }
    }

    #[test]
    fn formats_as_io_format() {
        assert_eq!(scientific(1.5, 6), "1.50000e+0");
        assert_eq!(fixed(1.5, 6), "1.500000");
        assert_eq!(general(1.5, 6), "1.50000");
        assert_eq!(fixed(2.675, 2), "2.67");
        assert_eq!(scientific(1234.5, 3), "1.23e+3");
        assert_eq!(general(0.05, 6), "5.00000e-2");
        assert_eq!(general(123456.0, 6), "1.23456e+5");
        assert_eq!(float_to_list(0.1), "1.00000000000000005551e-01");
        assert_eq!(float_to_list(1.0e100), "1.00000000000000001590e+100");
    }
}
