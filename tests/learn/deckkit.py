"""Small decks for engine tests (imported by tests/learn and tests/store)."""

from __future__ import annotations

from purgequiz.decks.model import Card, Citation, Deck

SOURCE = Citation("s1", "A source", "An author", "A journal", "1990", (1,))


def card(card_id: str, answer: str = "Yezhov", **fields) -> Card:
    values = dict(
        kind="question",
        template="t",
        prompt=f"Who? ({card_id})",
        answer=answer,
        explanation="Because.",
        sources=(SOURCE,),
        fact_ids=(f"f-{card_id}",),
        topics=("nkvd",),
        answer_type="entity",
        choices=(answer, "Other", "Third"),
    )
    values.update(fields)
    return Card(id=card_id, **values)


def deck(*cards: Card, deck_id: str = "test") -> Deck:
    return Deck(deck_id, "Test deck", "", tuple(cards))


def plain_deck(count: int) -> Deck:
    return deck(
        *(
            card(f"c{i:03d}", f"Answer {i}", answer_type="text", choices=(f"Answer {i}", "x", "y"))
            for i in range(count)
        )
    )


def mixed_deck() -> Deck:
    """Sixteen cards of four kinds and families, one family after another as a generator
    writes them: the army's cost in four years (questions that differ only in the year), four
    causes (flashcards), four ordering cards and four questions on posts."""
    cost = {
        1935: "2.3 billion rubles",
        1937: "4 billion rubles",
        1938: "6.9 billion rubles",
        1939: "8.1 billion rubles",
    }
    figures = [
        card(
            f"cost-{year}",
            amount,
            template="figure",
            family="figures",
            topics=("army",),
            answer_type="number",
            prompt=f"How much did the Red Army cost in {year}?",
            choices=tuple(cost.values()),
        )
        for year, amount in cost.items()
    ]
    causes = [
        card(
            f"why-{topic}",
            "Because.",
            kind="flashcard",
            template="why",
            family="causes",
            topics=("mass-terror",),
            answer_type="text",
            choices=(),
            prompt=f"Why did the {topic} happen?",
        )
        for topic in ("arrests", "trials", "quotas", "purge")
    ]
    events = ("Kirov is murdered", "First Moscow trial", "Yezhov replaces Yagoda")
    orders = [
        card(
            f"order-{i}",
            " → ".join(events),
            kind="ordering",
            template="order-events",
            family="chronology",
            topics=("nkvd",),
            answer_type="order",
            choices=(),
            items=events,
            prompt=f"Put these in order ({i}).",
        )
        for i in range(4)
    ]
    posts = [
        card(
            f"post-{who}",
            who,
            template="who-held",
            family="posts",
            topics=("leadership",),
            prompt=f"Which post did {who} hold?",
            choices=(who, "Other", "Third"),
        )
        for who in ("Molotov", "Kaganovich", "Vyshinsky", "Mekhlis")
    ]
    return deck(*figures, *causes, *orders, *posts)
