#include "mamori/exposure/version.hpp"

#include <array>

#include "mamori/core/ascii.hpp"

namespace mamori::exposure {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_letter(char c) {
    c = ascii_lower(c);
    return c >= 'a' && c <= 'z';
}

struct Token {
    enum class Kind { end, number, word };
    Kind kind = Kind::end;
    std::string_view text;
};

// Reads tokens from a version string without copying it.
class Tokens {
  public:
    explicit Tokens(std::string_view text) : text_(text) {}

    Token next() {
        while (pos_ < text_.size() && !is_digit(text_[pos_]) && !is_letter(text_[pos_])) ++pos_;
        if (pos_ == text_.size()) return {};
        std::size_t start = pos_;
        bool digits = is_digit(text_[pos_]);
        while (pos_ < text_.size() && (digits ? is_digit(text_[pos_]) : is_letter(text_[pos_]))) ++pos_;
        return {digits ? Token::Kind::number : Token::Kind::word, text_.substr(start, pos_ - start)};
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

bool equal_nocase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

// The rank of a pre-release word (lower is earlier), or 0 for any other word.
int prerelease_rank(std::string_view word) {
    constexpr std::array<std::pair<std::string_view, int>, 8> kRanks = {{
        {"dev", 1},
        {"snapshot", 1},
        {"alpha", 2},
        {"beta", 3},
        {"pre", 4},
        {"preview", 4},
        {"rc", 5},
        {"cr", 5},
    }};
    for (const auto& [name, rank] : kRanks) {
        if (equal_nocase(word, name)) return rank;
    }
    return 0;
}

std::strong_ordering compare_numbers(std::string_view a, std::string_view b) {
    while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
    while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
    if (a.size() != b.size()) return a.size() <=> b.size();
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i]) return a[i] <=> b[i];
    }
    return std::strong_ordering::equal;
}

std::strong_ordering compare_words(std::string_view a, std::string_view b) {
    int rank_a = prerelease_rank(a);
    int rank_b = prerelease_rank(b);
    if (rank_a != 0 || rank_b != 0) {
        // A non-pre-release word ranks above every pre-release word.
        int effective_a = rank_a == 0 ? 100 : rank_a;
        int effective_b = rank_b == 0 ? 100 : rank_b;
        if (effective_a != effective_b) return effective_a <=> effective_b;
        if (rank_a != 0) return std::strong_ordering::equal;  // "pre" = "preview"
    }
    std::size_t n = a.size() < b.size() ? a.size() : b.size();
    for (std::size_t i = 0; i < n; ++i) {
        char ca = ascii_lower(a[i]);
        char cb = ascii_lower(b[i]);
        if (ca != cb) return ca <=> cb;
    }
    return a.size() <=> b.size();
}

bool is_zero(std::string_view number) {
    for (char c : number) {
        if (c != '0') return false;
    }
    return true;
}

// What the remaining tokens of the longer string make it: less (a pre-release word comes first), equal
// (only zeros) or greater.
std::strong_ordering rest_of(Token token, Tokens& rest) {
    for (; token.kind != Token::Kind::end; token = rest.next()) {
        if (token.kind == Token::Kind::number) {
            if (is_zero(token.text)) continue;
            return std::strong_ordering::greater;
        }
        return prerelease_rank(token.text) != 0 ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    return std::strong_ordering::equal;
}

std::strong_ordering reverse(std::strong_ordering o) {
    if (std::is_lt(o)) return std::strong_ordering::greater;
    if (std::is_gt(o)) return std::strong_ordering::less;
    return std::strong_ordering::equal;
}

bool has_no_order(std::string_view v) {
    return v.empty() || v == "*" || v == "-";
}

}  // namespace

std::partial_ordering compare_versions(std::string_view a, std::string_view b) {
    if (has_no_order(a) || has_no_order(b)) return std::partial_ordering::unordered;
    Tokens ta(a);
    Tokens tb(b);
    while (true) {
        Token x = ta.next();
        Token y = tb.next();
        if (x.kind == Token::Kind::end && y.kind == Token::Kind::end)
            return std::partial_ordering::equivalent;
        if (x.kind == Token::Kind::end) return reverse(rest_of(y, tb));
        if (y.kind == Token::Kind::end) return rest_of(x, ta);
        std::strong_ordering step = std::strong_ordering::equal;
        if (x.kind == Token::Kind::number && y.kind == Token::Kind::number) {
            step = compare_numbers(x.text, y.text);
        } else if (x.kind == Token::Kind::word && y.kind == Token::Kind::word) {
            step = compare_words(x.text, y.text);
        } else {
            // A number that is zero with only zeros after it is the same as the end of the string ("1.0a" vs
            // "1.0.0" as "1.0a" vs "1.0"); otherwise a word sorts below a number at the same place.
            bool x_is_word = x.kind == Token::Kind::word;
            Token number = x_is_word ? y : x;
            Tokens after = x_is_word ? tb : ta;
            if (is_zero(number.text) && std::is_eq(rest_of(after.next(), after))) {
                return x_is_word ? rest_of(x, ta) : reverse(rest_of(y, tb));
            }
            step = x_is_word ? std::strong_ordering::less : std::strong_ordering::greater;
        }
        if (std::is_neq(step)) return step;
    }
}

}  // namespace mamori::exposure
